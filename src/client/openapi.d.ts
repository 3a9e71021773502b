/**
 * The Bazaar API as TypeScript types, generated from its OpenAPI document by scripts/client.ts:
 * run `npm run client`, do not edit. Use it through `createBazaarClient` (./index.ts).
 */
export interface paths {
  '/api/v1/admin/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The store’s audit trail, newest first (ADMIN with audit:read)
     * @description Who changed what, with the fields before and after. Filters: `entityType` with `entityId` (one entity’s history), `actorId` (what one account did), `from` (inclusive) and `to` (exclusive; a YYYY-MM-DD day includes that day). 400 when `from` is after `to`. `format=csv` answers every matching entry (up to 50,000) as CSV.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          entityType?:
            | 'product'
            | 'offer'
            | 'stock_item'
            | 'coupon'
            | 'user'
            | 'user_group'
            | 'store'
            | 'payment';
          entityId?: string;
          actorId?: string;
          from?: string;
          to?: string;
          format?: 'json' | 'csv';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditPage'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/store/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store's settings, name, language and currency (ADMIN) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              name: string;
              language: string;
              currency: string;
              timeZone: string;
              contact: {
                email: string | null;
                phone: string | null;
                address: {
                  line1: string;
                  line2?: string;
                  city: string;
                  region?: string;
                  postalCode: string;
                  country: string;
                } | null;
              };
              policies: {
                terms: string | null;
                privacy: string | null;
                returns: string | null;
                shipping: string | null;
              };
              sellerMaxRewardBp: number;
              deliveryCodes: boolean;
              returnWindowDays: number;
              logoUrl: string | null;
              accentColor: string | null;
              phoneSignUp: boolean;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the store's settings (ADMIN): name, language, currency (409 once it has priced offers or orders), time zone, contact, policies, rewards, returns, branding */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            language?: string;
            currency?: string;
            timeZone?: string;
            contact?: {
              email?: string | null;
              phone?: string | null;
              address?: {
                line1: string;
                line2?: string;
                city: string;
                region?: string;
                postalCode: string;
                country: string;
              } | null;
            };
            policies?: {
              terms?: string | null;
              privacy?: string | null;
              returns?: string | null;
              shipping?: string | null;
            };
            sellerMaxRewardBp?: number;
            deliveryCodes?: boolean;
            phoneSignUp?: boolean;
            returnWindowDays?: number;
            logoUrl?: string | null;
            accentColor?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              name: string;
              language: string;
              currency: string;
              timeZone: string;
              contact: {
                email: string | null;
                phone: string | null;
                address: {
                  line1: string;
                  line2?: string;
                  city: string;
                  region?: string;
                  postalCode: string;
                  country: string;
                } | null;
              };
              policies: {
                terms: string | null;
                privacy: string | null;
                returns: string | null;
                shipping: string | null;
              };
              sellerMaxRewardBp: number;
              deliveryCodes: boolean;
              returnWindowDays: number;
              logoUrl: string | null;
              accentColor: string | null;
              phoneSignUp: boolean;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/store': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store this request addresses */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              status: string;
              currency: string;
              language: string;
              domain: string | null;
              customDomain: string | null;
              branding: {
                logoUrl: string | null;
                accentColor: string | null;
              };
              timeZone: string;
              contact: {
                email: string | null;
                phone: string | null;
                address: {
                  line1: string;
                  line2?: string;
                  city: string;
                  region?: string;
                  postalCode: string;
                  country: string;
                } | null;
              };
              policies: ('terms' | 'privacy' | 'returns' | 'shipping')[];
            };
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/store/policies/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the store’s policies (terms, privacy, returns, shipping); 404 when it has none */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              kind: 'terms' | 'privacy' | 'returns' | 'shipping';
              title: string;
              text: string;
            };
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/tenant': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The business owner's tenant */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Tenant'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tenant's stores (BUSINESS_OWNER) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PlatformStore'][];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Open a store (BUSINESS_OWNER): generated from `description` when given (GENERATING, then DRAFT) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            subdomain: string;
            /** @enum {string} */
            storeType?: 'grocery' | 'restaurant' | 'clinic' | 'fashion' | 'general';
            description?: string;
            currency?: string;
            language?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PlatformStore'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the tenant's stores */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PlatformStore'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A store's status changes */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string | null;
              to: string;
              actorId: string | null;
              reason: string | null;
              at: string;
            }[];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a DRAFT or PAID store at its address */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PlatformStore'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/generate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Generate a DRAFT or FAILED store again, from a new description or its last one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PlatformStore'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The plans on offer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Plan'][];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/plans/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create or change a plan (SUPER_ADMIN) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            price: {
              amount: number;
              currency: string;
            };
            /** @enum {string} */
            period: 'monthly' | 'yearly';
            limits: {
              stores: number | null;
              productsPerStore: number | null;
              staffPerStore: number | null;
              customDomains: number | null;
            };
            transactionFeeBp: number;
            /** @default true */
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Plan'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/domain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store's custom domain and how to prove it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StoreDomain'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Name the store's custom domain (unverified until proved; the plan's domain limit applies) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            customDomain: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StoreDomain'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /** Remove the store's custom domain */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StoreDomain'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/domain/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check the proof of the custom domain (DNS TXT record or HTTP token) now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default dns
             * @enum {string}
             */
            method?: 'dns' | 'http';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StoreDomain'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/domains/ask': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** For a TLS proxy's on-demand certificates (Caddy's `ask`): 200 if the platform serves the host, else 404 */
    get: {
      parameters: {
        query: {
          domain: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              domain: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store's staff and open invitations */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StoreStaff'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/staff/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Invite someone by email to the store with a role (the plan's staff limit applies) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            /** @enum {string} */
            role: 'ADMIN' | 'CATALOG_MANAGER' | 'ORDER_MANAGER' | 'SUPPORT';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StoreStaff'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/staff/invitations/{invitationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Withdraw an invitation */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          invitationId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StoreStaff'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/staff/{accountId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a staff member from the store */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StoreStaff'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take up an invitation: the signed-in platform account becomes staff of its store */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InvitationAccepted'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/memberships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The stores the signed-in platform account is staff of, with its role in each */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StaffMembership'][];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/tenant/subscription': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the tenant's plan (BUSINESS_OWNER): subscribe, upgrade now, downgrade or cancel at the cycle's end */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            plan: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubscriptionChange'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/tenants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every tenant, newest first (SUPER_ADMIN) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TenantSummary'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/tenants/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend a tenant's stores (SUPER_ADMIN): buyers get 503, its staff can still sign in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              tenant: components['schemas']['TenantSummary'];
              stores: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/tenants/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restore a suspended tenant's stores to where they were (SUPER_ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              tenant: components['schemas']['TenantSummary'];
              stores: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/billing/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The billing provider's webhook (signature verified; a replayed event changes nothing) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              received: number;
              outcomes: string[];
            };
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an account */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            password: string;
            name: string;
            phone?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                email: string | null;
                name: string;
                phone: string | null;
                phoneVerified: boolean;
                roles: (
                  | 'CUSTOMER'
                  | 'SELLER'
                  | 'ADMIN'
                  | 'DELIVERY_AGENT'
                  | 'SUPER_ADMIN'
                  | 'BUSINESS_OWNER'
                )[];
                /** @enum {string} */
                status: 'ACTIVE' | 'DEACTIVATED';
                emailVerified: boolean;
                groupId: string | null;
                createdAt: string;
              };
              accessToken: string;
              refreshToken: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                email: string | null;
                name: string;
                phone: string | null;
                phoneVerified: boolean;
                roles: (
                  | 'CUSTOMER'
                  | 'SELLER'
                  | 'ADMIN'
                  | 'DELIVERY_AGENT'
                  | 'SUPER_ADMIN'
                  | 'BUSINESS_OWNER'
                )[];
                /** @enum {string} */
                status: 'ACTIVE' | 'DEACTIVATED';
                emailVerified: boolean;
                groupId: string | null;
                createdAt: string;
              };
              accessToken: string;
              refreshToken: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/otp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a sign-in code by SMS (same answer whether or not the phone has an account) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phone: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'accepted';
              detail: string;
              expiresInSeconds: number;
              resendAfterSeconds: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/otp/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with a code sent by SMS; opens a customer account on first use where the store allows it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phone: string;
            code: string;
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                email: string | null;
                name: string;
                phone: string | null;
                phoneVerified: boolean;
                roles: (
                  | 'CUSTOMER'
                  | 'SELLER'
                  | 'ADMIN'
                  | 'DELIVERY_AGENT'
                  | 'SUPER_ADMIN'
                  | 'BUSINESS_OWNER'
                )[];
                /** @enum {string} */
                status: 'ACTIVE' | 'DEACTIVATED';
                emailVerified: boolean;
                groupId: string | null;
                createdAt: string;
              };
              accessToken: string;
              refreshToken: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate a refresh token */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            refreshToken: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              refreshToken: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the session of a refresh token */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            refreshToken: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End every session of the signed-in user */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/verify-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm an email address with its code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mail a password reset code (same answer whether or not the email has an account) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'accepted';
              detail: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password with a reset code; ends every session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in to the platform */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                email: string | null;
                name: string;
                phone: string | null;
                phoneVerified: boolean;
                roles: (
                  | 'CUSTOMER'
                  | 'SELLER'
                  | 'ADMIN'
                  | 'DELIVERY_AGENT'
                  | 'SUPER_ADMIN'
                  | 'BUSINESS_OWNER'
                )[];
                /** @enum {string} */
                status: 'ACTIVE' | 'DEACTIVATED';
                emailVerified: boolean;
                groupId: string | null;
                createdAt: string;
              };
              accessToken: string;
              refreshToken: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate a platform account's refresh token */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            refreshToken: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              refreshToken: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a platform session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            refreshToken: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mail a platform account a password reset code (same answer whether or not the email has one) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'accepted';
              detail: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a platform account's new password with a reset code; ends every session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in platform account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change password; signs out the other sessions */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change name or phone */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            phone?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/me/email-verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send the email verification code again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'accepted';
              detail: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active sessions (devices) of the signed-in user */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                userAgent: string | null;
                ip: string | null;
                createdAt: string;
                lastUsedAt: string;
                expiresAt: string;
                current: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a session; its tokens stop working at once */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customer, seller and admin profiles */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customer: {
                loyaltyPoints: number;
                preferredCurrency: string | null;
                dateOfBirth: string | null;
              };
              seller: {
                /** Format: uuid */
                userId: string;
                businessName: string;
                businessType: string | null;
                taxId: string | null;
                businessAddress: components['schemas']['PostalAddress'] | null;
                commissionRateBps: number;
                /** @enum {string} */
                status: 'PENDING' | 'APPROVED' | 'REJECTED';
                rejectionReason: string | null;
                documents: string[];
                bankDetails: {
                  accountHolder: string;
                  bankName: string;
                  accountNumberLast4: string;
                } | null;
                appliedAt: string;
                decidedAt: string | null;
              } | null;
              admin: {
                permissions: string[];
                department: string | null;
              } | null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/profile/customer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change preferred currency or date of birth */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            preferredCurrency?: string | null;
            dateOfBirth?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              loyaltyPoints: number;
              preferredCurrency: string | null;
              dateOfBirth: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/me/seller-application': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply to sell (201), or re-apply after a rejection (200) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            businessName: string;
            businessType?: string;
            taxId?: string;
            businessAddress?: {
              name: string;
              line1: string;
              line2?: string;
              city: string;
              state: string;
              postalCode: string;
              country: string;
              phone?: string;
            };
            bankDetails?: {
              accountHolder: string;
              accountNumber: string;
              bankName: string;
              routingCode?: string;
            };
            documents?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              businessName: string;
              businessType: string | null;
              taxId: string | null;
              businessAddress: components['schemas']['PostalAddress'] | null;
              commissionRateBps: number;
              /** @enum {string} */
              status: 'PENDING' | 'APPROVED' | 'REJECTED';
              rejectionReason: string | null;
              documents: string[];
              bankDetails: {
                accountHolder: string;
                bankName: string;
                accountNumberLast4: string;
              } | null;
              appliedAt: string;
              decidedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              businessName: string;
              businessType: string | null;
              taxId: string | null;
              businessAddress: components['schemas']['PostalAddress'] | null;
              commissionRateBps: number;
              /** @enum {string} */
              status: 'PENDING' | 'APPROVED' | 'REJECTED';
              rejectionReason: string | null;
              documents: string[];
              bankDetails: {
                accountHolder: string;
                bankName: string;
                accountNumberLast4: string;
              } | null;
              appliedAt: string;
              decidedAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/seller-profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the seller profile */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            businessName?: string;
            businessType?: string;
            taxId?: string;
            businessAddress?: {
              name: string;
              line1: string;
              line2?: string;
              city: string;
              state: string;
              postalCode: string;
              country: string;
              phone?: string;
            };
            bankDetails?: {
              accountHolder: string;
              accountNumber: string;
              bankName: string;
              routingCode?: string;
            };
            documents?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              businessName: string;
              businessType: string | null;
              taxId: string | null;
              businessAddress: components['schemas']['PostalAddress'] | null;
              commissionRateBps: number;
              /** @enum {string} */
              status: 'PENDING' | 'APPROVED' | 'REJECTED';
              rejectionReason: string | null;
              documents: string[];
              bankDetails: {
                accountHolder: string;
                bankName: string;
                accountNumberLast4: string;
              } | null;
              appliedAt: string;
              decidedAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/me/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Saved addresses */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                label: string | null;
                name: string;
                line1: string;
                line2: string | null;
                city: string;
                state: string;
                postalCode: string;
                country: string;
                phone: string | null;
                isDefaultShipping: boolean;
                isDefaultBilling: boolean;
                createdAt: string;
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Save an address */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            line1: string;
            line2?: string;
            city: string;
            state: string;
            postalCode: string;
            country: string;
            phone?: string;
            label?: string;
            isDefaultShipping?: boolean;
            isDefaultBilling?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              label: string | null;
              name: string;
              line1: string;
              line2: string | null;
              city: string;
              state: string;
              postalCode: string;
              country: string;
              phone: string | null;
              isDefaultShipping: boolean;
              isDefaultBilling: boolean;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/addresses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One saved address */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              label: string | null;
              name: string;
              line1: string;
              line2: string | null;
              city: string;
              state: string;
              postalCode: string;
              country: string;
              phone: string | null;
              isDefaultShipping: boolean;
              isDefaultBilling: boolean;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an address */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change an address or make it a default */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            label?: string | null;
            name?: string;
            line1?: string;
            line2?: string | null;
            city?: string;
            state?: string;
            postalCode?: string;
            country?: string;
            phone?: string | null;
            isDefaultShipping?: boolean;
            isDefaultBilling?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              label: string | null;
              name: string;
              line1: string;
              line2: string | null;
              city: string;
              state: string;
              postalCode: string;
              country: string;
              phone: string | null;
              isDefaultShipping: boolean;
              isDefaultBilling: boolean;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users of this store, newest first; search by email, name or phone */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          q?: string;
          role?: 'CUSTOMER' | 'SELLER' | 'ADMIN' | 'DELIVERY_AGENT' | 'SUPER_ADMIN' | 'BUSINESS_OWNER';
          status?: 'ACTIVE' | 'DEACTIVATED';
          group?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                email: string | null;
                name: string;
                phone: string | null;
                phoneVerified: boolean;
                roles: (
                  | 'CUSTOMER'
                  | 'SELLER'
                  | 'ADMIN'
                  | 'DELIVERY_AGENT'
                  | 'SUPER_ADMIN'
                  | 'BUSINESS_OWNER'
                )[];
                /** @enum {string} */
                status: 'ACTIVE' | 'DEACTIVATED';
                emailVerified: boolean;
                groupId: string | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find a user by email or by phone */
    get: {
      parameters: {
        query?: {
          email?: string;
          phone?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the roles (only a SUPER_ADMIN grants or removes SUPER_ADMIN) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            roles: ('CUSTOMER' | 'SELLER' | 'ADMIN' | 'DELIVERY_AGENT' | 'SUPER_ADMIN')[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate; the account is signed out at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reactivate */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/group': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Put the user in a group, or in none (null) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            groupId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              email: string | null;
              name: string;
              phone: string | null;
              phoneVerified: boolean;
              roles: (
                | 'CUSTOMER'
                | 'SELLER'
                | 'ADMIN'
                | 'DELIVERY_AGENT'
                | 'SUPER_ADMIN'
                | 'BUSINESS_OWNER'
              )[];
              /** @enum {string} */
              status: 'ACTIVE' | 'DEACTIVATED';
              emailVerified: boolean;
              groupId: string | null;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/admin-profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Admin permissions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              permissions: string[];
              department: string | null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Set admin permissions (SUPER_ADMIN) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            permissions?: (
              | 'orders:refund'
              | 'rewards:adjust'
              | 'users:roles'
              | 'settings:manage'
              | 'sellers:approve'
              | 'coupons:manage'
              | 'reviews:moderate'
              | 'quotes:manage'
              | 'audit:read'
              | 'campaigns:manage'
            )[];
            department?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              permissions: string[];
              department: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/sellers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Seller applications and profiles, by status */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'PENDING' | 'APPROVED' | 'REJECTED';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                userId: string;
                businessName: string;
                businessType: string | null;
                taxId: string | null;
                businessAddress: components['schemas']['PostalAddress'] | null;
                commissionRateBps: number;
                /** @enum {string} */
                status: 'PENDING' | 'APPROVED' | 'REJECTED';
                rejectionReason: string | null;
                documents: string[];
                bankDetails: {
                  accountHolder: string;
                  bankName: string;
                  accountNumberLast4: string;
                } | null;
                appliedAt: string;
                decidedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/sellers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One seller profile */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              businessName: string;
              businessType: string | null;
              taxId: string | null;
              businessAddress: components['schemas']['PostalAddress'] | null;
              commissionRateBps: number;
              /** @enum {string} */
              status: 'PENDING' | 'APPROVED' | 'REJECTED';
              rejectionReason: string | null;
              documents: string[];
              bankDetails: {
                accountHolder: string;
                bankName: string;
                accountNumberLast4: string;
              } | null;
              appliedAt: string;
              decidedAt: string | null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/sellers/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a pending application and grant SELLER */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            commissionRateBps?: number;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              businessName: string;
              businessType: string | null;
              taxId: string | null;
              businessAddress: components['schemas']['PostalAddress'] | null;
              commissionRateBps: number;
              /** @enum {string} */
              status: 'PENDING' | 'APPROVED' | 'REJECTED';
              rejectionReason: string | null;
              documents: string[];
              bankDetails: {
                accountHolder: string;
                bankName: string;
                accountNumberLast4: string;
              } | null;
              appliedAt: string;
              decidedAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/sellers/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a pending application with a reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              businessName: string;
              businessType: string | null;
              taxId: string | null;
              businessAddress: components['schemas']['PostalAddress'] | null;
              commissionRateBps: number;
              /** @enum {string} */
              status: 'PENDING' | 'APPROVED' | 'REJECTED';
              rejectionReason: string | null;
              documents: string[];
              bankDetails: {
                accountHolder: string;
                bankName: string;
                accountNumberLast4: string;
              } | null;
              appliedAt: string;
              decidedAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/user-groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** User groups */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                sellerDiscountBps: number;
                adminDiscountBps: number;
                sellerRewardBps: number;
                adminRewardBps: number;
                createdAt: string;
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a user group */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @default 0 */
            sellerDiscountBps?: number;
            /** @default 0 */
            adminDiscountBps?: number;
            /** @default 0 */
            sellerRewardBps?: number;
            /** @default 0 */
            adminRewardBps?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              sellerDiscountBps: number;
              adminDiscountBps: number;
              sellerRewardBps: number;
              adminRewardBps: number;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/user-groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user group */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              sellerDiscountBps: number;
              adminDiscountBps: number;
              sellerRewardBps: number;
              adminRewardBps: number;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a user group; its members keep no group */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a user group */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            sellerDiscountBps?: number;
            adminDiscountBps?: number;
            sellerRewardBps?: number;
            adminRewardBps?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              sellerDiscountBps: number;
              adminDiscountBps: number;
              sellerRewardBps: number;
              adminRewardBps: number;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/media/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An uploaded image or one of its resized variants (public; cached for a year) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/products/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import products from a Shopify product CSV (send the file as text/csv, up to 20971520 bytes and 100000 rows) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rows: number;
              products: number;
              created: number;
              updated: number;
              unchanged: number;
              failed: number;
              errors: {
                line: number;
                handle: string | null;
                reason: string;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Browse and search products
     * @description Filters: category (slug, with descendants), q, minPrice/maxPrice (minor units), brand (repeat or comma-separate), seller, minRating, inStock, and the category filters as `f.<key>` (enum: values, range: `min..max`, boolean: `true`/`false`). The first page carries facet counts.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          q?: string;
          category?: string;
          minPrice?: number;
          maxPrice?: number;
          brand?: string | string[];
          seller?: string;
          minRating?: number;
          inStock?: 'true' | 'false';
          sort?: 'relevance' | 'price_asc' | 'price_desc' | 'rating' | 'newest';
          facets?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                slug: string;
                name: string;
                brand: string | null;
                price: components['schemas']['Money'];
                compareAtPrice: components['schemas']['Money'] | null;
                rating: number;
                ratingCount: number;
                inStock: boolean;
                thumbnail: string | null;
                highlight?: {
                  name: string;
                  description: string;
                };
              }[];
              nextCursor: string | null;
              facets?: {
                total: number;
                inStock: number;
                brands: {
                  value: string;
                  count: number;
                }[];
                price: {
                  min: number;
                  max: number | null;
                  count: number;
                }[];
                filters: {
                  key: string;
                  label: string;
                  /** @enum {string} */
                  kind: 'ENUM' | 'RANGE' | 'BOOLEAN';
                  values: {
                    value: string;
                    count: number;
                  }[];
                  min: number | null;
                  max: number | null;
                }[];
                /** @description true when the query matched more than CATALOG_FACET_EXACT_LIMIT (10,000) products: counts were taken over the first 10,001 matches and are lower bounds. Category pages without other filters are always exact. */
                approximate?: boolean;
                /** @description true when `total` is a lower bound (see `approximate`). */
                totalIsLowerBound?: boolean;
              };
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/suggest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** As-you-type suggestions */
    get: {
      parameters: {
        query: {
          q: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                slug: string;
                name: string;
                highlight: string;
              }[];
              categories: {
                id: string;
                slug: string;
                name: string;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The category tree */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CategoryNode'][];
            };
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/categories/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A category with breadcrumbs, children and filters */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          slug: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string | null;
              imageUrl: string | null;
              sortOrder: number;
              isActive: boolean;
              parentId: string | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              children: {
                id: string;
                slug: string;
                name: string;
              }[];
              filters: {
                id: string;
                categoryId: string;
                key: string;
                label: string;
                /** @enum {string} */
                kind: 'ENUM' | 'RANGE' | 'BOOLEAN';
                /** @enum {string} */
                source: 'SPEC' | 'ATTRIBUTE';
                sourceKey: string;
                position: number;
              }[];
            };
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{idOrSlug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product page: variants and every seller offer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          idOrSlug: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string;
              shortDescription: string | null;
              brand: string | null;
              productType: string | null;
              /** @enum {string} */
              status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
              publishedAt: string | null;
              category: {
                id: string;
                slug: string;
                name: string;
              } | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              tags: string[];
              attributes: {
                [key: string]: unknown;
              };
              specs: {
                name: string;
                value: string;
              }[];
              images: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
              thumbnail: string | null;
              price: components['schemas']['Money'] | null;
              compareAtPrice: components['schemas']['Money'] | null;
              bestOfferId: string | null;
              inStock: boolean;
              rating: number;
              ratingCount: number;
              rewardPercentBp: number;
              isDigital: boolean;
              requiresShipping: boolean;
              weightGrams: number | null;
              dimensions: {
                length: number;
                width: number;
                height: number;
                /** @enum {string} */
                unit: 'mm' | 'cm' | 'm' | 'in';
              } | null;
              seoTitle: string | null;
              seoDescription: string | null;
              createdBy: string;
              createdAt: string;
              updatedAt: string;
              options: {
                name: string;
                values: string[];
              }[];
              variants: {
                id: string;
                sku: string;
                barcode: string | null;
                options: {
                  [key: string]: string;
                };
                position: number;
                weightGrams: number | null;
                weightUnit: ('g' | 'kg' | 'lb' | 'oz') | null;
                offers: {
                  id: string;
                  sellerId: string;
                  sellerProductName: string | null;
                  price: components['schemas']['Money'];
                  compareAtPrice: components['schemas']['Money'] | null;
                  available: boolean;
                  availableQuantity: number;
                  rewardPercentBp: number;
                  rating: number;
                  ratingCount: number;
                  best: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Products by status, newest first (sellers: their own) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
          createdBy?: string;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                slug: string;
                name: string;
                /** @enum {string} */
                status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
                brand: string | null;
                createdBy: string;
                price: components['schemas']['Money'] | null;
                inStock: boolean;
                createdAt: string;
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a product with its variants and the creator’s offers */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            slug?: string;
            description?: string;
            shortDescription?: string;
            brand?: string;
            productType?: string;
            categorySlug?: string;
            attributes?: {
              [key: string]: string | number | boolean;
            };
            tags?: string[];
            seoTitle?: string;
            seoDescription?: string;
            isDigital?: boolean;
            requiresShipping?: boolean;
            weightGrams?: number;
            dimensions?: {
              length: number;
              width: number;
              height: number;
              /** @enum {string} */
              unit: 'mm' | 'cm' | 'm' | 'in';
            };
            rewardPercentBp?: number;
            specs?: {
              name: string;
              value: string;
            }[];
            images?: {
              url: string;
              altText?: string;
              primary?: boolean;
            }[];
            /** @enum {string} */
            status?: 'DRAFT' | 'ACTIVE';
            options?: {
              name: string;
              values: string[];
            }[];
            variants: {
              sku: string;
              options?: {
                [key: string]: string;
              };
              barcode?: string;
              price: {
                amount: number;
                currency: string;
              };
              compareAtPrice?: {
                amount: number;
                currency: string;
              };
              stock?: number;
              weightGrams?: number;
              /** @enum {string} */
              weightUnit?: 'g' | 'kg' | 'lb' | 'oz';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string;
              shortDescription: string | null;
              brand: string | null;
              productType: string | null;
              /** @enum {string} */
              status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
              publishedAt: string | null;
              category: {
                id: string;
                slug: string;
                name: string;
              } | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              tags: string[];
              attributes: {
                [key: string]: unknown;
              };
              specs: {
                name: string;
                value: string;
              }[];
              images: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
              thumbnail: string | null;
              price: components['schemas']['Money'] | null;
              compareAtPrice: components['schemas']['Money'] | null;
              bestOfferId: string | null;
              inStock: boolean;
              rating: number;
              ratingCount: number;
              rewardPercentBp: number;
              isDigital: boolean;
              requiresShipping: boolean;
              weightGrams: number | null;
              dimensions: {
                length: number;
                width: number;
                height: number;
                /** @enum {string} */
                unit: 'mm' | 'cm' | 'm' | 'in';
              } | null;
              seoTitle: string | null;
              seoDescription: string | null;
              createdBy: string;
              createdAt: string;
              updatedAt: string;
              options: {
                name: string;
                values: string[];
              }[];
              variants: {
                id: string;
                sku: string;
                barcode: string | null;
                options: {
                  [key: string]: string;
                };
                position: number;
                weightGrams: number | null;
                weightUnit: ('g' | 'kg' | 'lb' | 'oz') | null;
                offers: {
                  id: string;
                  sellerId: string;
                  sellerProductName: string | null;
                  price: components['schemas']['Money'];
                  compareAtPrice: components['schemas']['Money'] | null;
                  available: boolean;
                  availableQuantity: number;
                  rewardPercentBp: number;
                  rating: number;
                  ratingCount: number;
                  best: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/products/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the store’s products as a Shopify product CSV */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product in any status */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string;
              shortDescription: string | null;
              brand: string | null;
              productType: string | null;
              /** @enum {string} */
              status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
              publishedAt: string | null;
              category: {
                id: string;
                slug: string;
                name: string;
              } | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              tags: string[];
              attributes: {
                [key: string]: unknown;
              };
              specs: {
                name: string;
                value: string;
              }[];
              images: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
              thumbnail: string | null;
              price: components['schemas']['Money'] | null;
              compareAtPrice: components['schemas']['Money'] | null;
              bestOfferId: string | null;
              inStock: boolean;
              rating: number;
              ratingCount: number;
              rewardPercentBp: number;
              isDigital: boolean;
              requiresShipping: boolean;
              weightGrams: number | null;
              dimensions: {
                length: number;
                width: number;
                height: number;
                /** @enum {string} */
                unit: 'mm' | 'cm' | 'm' | 'in';
              } | null;
              seoTitle: string | null;
              seoDescription: string | null;
              createdBy: string;
              createdAt: string;
              updatedAt: string;
              options: {
                name: string;
                values: string[];
              }[];
              variants: {
                id: string;
                sku: string;
                barcode: string | null;
                options: {
                  [key: string]: string;
                };
                position: number;
                weightGrams: number | null;
                weightUnit: ('g' | 'kg' | 'lb' | 'oz') | null;
                offers: {
                  id: string;
                  sellerId: string;
                  sellerProductName: string | null;
                  price: components['schemas']['Money'];
                  compareAtPrice: components['schemas']['Money'] | null;
                  available: boolean;
                  availableQuantity: number;
                  rewardPercentBp: number;
                  rating: number;
                  ratingCount: number;
                  best: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a product (soft) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a product (status moves follow the product life cycle) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            slug?: string;
            description?: string;
            shortDescription?: string | null;
            brand?: string | null;
            productType?: string | null;
            categorySlug?: string | null;
            attributes?: {
              [key: string]: string | number | boolean;
            };
            tags?: string[];
            seoTitle?: string | null;
            seoDescription?: string | null;
            isDigital?: boolean;
            requiresShipping?: boolean;
            weightGrams?: number | null;
            dimensions?: {
              length: number;
              width: number;
              height: number;
              /** @enum {string} */
              unit: 'mm' | 'cm' | 'm' | 'in';
            } | null;
            rewardPercentBp?: number;
            specs?: {
              name: string;
              value: string;
            }[];
            images?: {
              url: string;
              altText?: string;
              primary?: boolean;
            }[];
            /** @enum {string} */
            status?: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
            options?: {
              name: string;
              values: string[];
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string;
              shortDescription: string | null;
              brand: string | null;
              productType: string | null;
              /** @enum {string} */
              status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
              publishedAt: string | null;
              category: {
                id: string;
                slug: string;
                name: string;
              } | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              tags: string[];
              attributes: {
                [key: string]: unknown;
              };
              specs: {
                name: string;
                value: string;
              }[];
              images: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
              thumbnail: string | null;
              price: components['schemas']['Money'] | null;
              compareAtPrice: components['schemas']['Money'] | null;
              bestOfferId: string | null;
              inStock: boolean;
              rating: number;
              ratingCount: number;
              rewardPercentBp: number;
              isDigital: boolean;
              requiresShipping: boolean;
              weightGrams: number | null;
              dimensions: {
                length: number;
                width: number;
                height: number;
                /** @enum {string} */
                unit: 'mm' | 'cm' | 'm' | 'in';
              } | null;
              seoTitle: string | null;
              seoDescription: string | null;
              createdBy: string;
              createdAt: string;
              updatedAt: string;
              options: {
                name: string;
                values: string[];
              }[];
              variants: {
                id: string;
                sku: string;
                barcode: string | null;
                options: {
                  [key: string]: string;
                };
                position: number;
                weightGrams: number | null;
                weightUnit: ('g' | 'kg' | 'lb' | 'oz') | null;
                offers: {
                  id: string;
                  sellerId: string;
                  sellerProductName: string | null;
                  price: components['schemas']['Money'];
                  compareAtPrice: components['schemas']['Money'] | null;
                  available: boolean;
                  availableQuantity: number;
                  rewardPercentBp: number;
                  rating: number;
                  ratingCount: number;
                  best: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/products/{id}/variants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a variant (with the creator’s offer) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            sku: string;
            options?: {
              [key: string]: string;
            };
            barcode?: string;
            price: {
              amount: number;
              currency: string;
            };
            compareAtPrice?: {
              amount: number;
              currency: string;
            };
            stock?: number;
            weightGrams?: number;
            /** @enum {string} */
            weightUnit?: 'g' | 'kg' | 'lb' | 'oz';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string;
              shortDescription: string | null;
              brand: string | null;
              productType: string | null;
              /** @enum {string} */
              status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
              publishedAt: string | null;
              category: {
                id: string;
                slug: string;
                name: string;
              } | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              tags: string[];
              attributes: {
                [key: string]: unknown;
              };
              specs: {
                name: string;
                value: string;
              }[];
              images: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
              thumbnail: string | null;
              price: components['schemas']['Money'] | null;
              compareAtPrice: components['schemas']['Money'] | null;
              bestOfferId: string | null;
              inStock: boolean;
              rating: number;
              ratingCount: number;
              rewardPercentBp: number;
              isDigital: boolean;
              requiresShipping: boolean;
              weightGrams: number | null;
              dimensions: {
                length: number;
                width: number;
                height: number;
                /** @enum {string} */
                unit: 'mm' | 'cm' | 'm' | 'in';
              } | null;
              seoTitle: string | null;
              seoDescription: string | null;
              createdBy: string;
              createdAt: string;
              updatedAt: string;
              options: {
                name: string;
                values: string[];
              }[];
              variants: {
                id: string;
                sku: string;
                barcode: string | null;
                options: {
                  [key: string]: string;
                };
                position: number;
                weightGrams: number | null;
                weightUnit: ('g' | 'kg' | 'lb' | 'oz') | null;
                offers: {
                  id: string;
                  sellerId: string;
                  sellerProductName: string | null;
                  price: components['schemas']['Money'];
                  compareAtPrice: components['schemas']['Money'] | null;
                  available: boolean;
                  availableQuantity: number;
                  rewardPercentBp: number;
                  rating: number;
                  ratingCount: number;
                  best: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/variants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a variant and its offers */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string;
              shortDescription: string | null;
              brand: string | null;
              productType: string | null;
              /** @enum {string} */
              status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
              publishedAt: string | null;
              category: {
                id: string;
                slug: string;
                name: string;
              } | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              tags: string[];
              attributes: {
                [key: string]: unknown;
              };
              specs: {
                name: string;
                value: string;
              }[];
              images: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
              thumbnail: string | null;
              price: components['schemas']['Money'] | null;
              compareAtPrice: components['schemas']['Money'] | null;
              bestOfferId: string | null;
              inStock: boolean;
              rating: number;
              ratingCount: number;
              rewardPercentBp: number;
              isDigital: boolean;
              requiresShipping: boolean;
              weightGrams: number | null;
              dimensions: {
                length: number;
                width: number;
                height: number;
                /** @enum {string} */
                unit: 'mm' | 'cm' | 'm' | 'in';
              } | null;
              seoTitle: string | null;
              seoDescription: string | null;
              createdBy: string;
              createdAt: string;
              updatedAt: string;
              options: {
                name: string;
                values: string[];
              }[];
              variants: {
                id: string;
                sku: string;
                barcode: string | null;
                options: {
                  [key: string]: string;
                };
                position: number;
                weightGrams: number | null;
                weightUnit: ('g' | 'kg' | 'lb' | 'oz') | null;
                offers: {
                  id: string;
                  sellerId: string;
                  sellerProductName: string | null;
                  price: components['schemas']['Money'];
                  compareAtPrice: components['schemas']['Money'] | null;
                  available: boolean;
                  availableQuantity: number;
                  rewardPercentBp: number;
                  rating: number;
                  ratingCount: number;
                  best: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a variant */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            sku?: string;
            options?: {
              [key: string]: string;
            };
            barcode?: string | null;
            position?: number;
            weightGrams?: number | null;
            weightUnit?: ('g' | 'kg' | 'lb' | 'oz') | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string;
              shortDescription: string | null;
              brand: string | null;
              productType: string | null;
              /** @enum {string} */
              status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
              publishedAt: string | null;
              category: {
                id: string;
                slug: string;
                name: string;
              } | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              tags: string[];
              attributes: {
                [key: string]: unknown;
              };
              specs: {
                name: string;
                value: string;
              }[];
              images: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
              thumbnail: string | null;
              price: components['schemas']['Money'] | null;
              compareAtPrice: components['schemas']['Money'] | null;
              bestOfferId: string | null;
              inStock: boolean;
              rating: number;
              ratingCount: number;
              rewardPercentBp: number;
              isDigital: boolean;
              requiresShipping: boolean;
              weightGrams: number | null;
              dimensions: {
                length: number;
                width: number;
                height: number;
                /** @enum {string} */
                unit: 'mm' | 'cm' | 'm' | 'in';
              } | null;
              seoTitle: string | null;
              seoDescription: string | null;
              createdBy: string;
              createdAt: string;
              updatedAt: string;
              options: {
                name: string;
                values: string[];
              }[];
              variants: {
                id: string;
                sku: string;
                barcode: string | null;
                options: {
                  [key: string]: string;
                };
                position: number;
                weightGrams: number | null;
                weightUnit: ('g' | 'kg' | 'lb' | 'oz') | null;
                offers: {
                  id: string;
                  sellerId: string;
                  sellerProductName: string | null;
                  price: components['schemas']['Money'];
                  compareAtPrice: components['schemas']['Money'] | null;
                  available: boolean;
                  availableQuantity: number;
                  rewardPercentBp: number;
                  rating: number;
                  ratingCount: number;
                  best: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/variants/{id}/offers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Offer an existing variant as this seller (or as the store, for an admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            price: {
              amount: number;
              currency: string;
            };
            compareAtPrice?: {
              amount: number;
              currency: string;
            };
            sellerProductName?: string;
            rewardPercentBp?: number;
            available?: boolean;
            stock?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string;
              shortDescription: string | null;
              brand: string | null;
              productType: string | null;
              /** @enum {string} */
              status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
              publishedAt: string | null;
              category: {
                id: string;
                slug: string;
                name: string;
              } | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              tags: string[];
              attributes: {
                [key: string]: unknown;
              };
              specs: {
                name: string;
                value: string;
              }[];
              images: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
              thumbnail: string | null;
              price: components['schemas']['Money'] | null;
              compareAtPrice: components['schemas']['Money'] | null;
              bestOfferId: string | null;
              inStock: boolean;
              rating: number;
              ratingCount: number;
              rewardPercentBp: number;
              isDigital: boolean;
              requiresShipping: boolean;
              weightGrams: number | null;
              dimensions: {
                length: number;
                width: number;
                height: number;
                /** @enum {string} */
                unit: 'mm' | 'cm' | 'm' | 'in';
              } | null;
              seoTitle: string | null;
              seoDescription: string | null;
              createdBy: string;
              createdAt: string;
              updatedAt: string;
              options: {
                name: string;
                values: string[];
              }[];
              variants: {
                id: string;
                sku: string;
                barcode: string | null;
                options: {
                  [key: string]: string;
                };
                position: number;
                weightGrams: number | null;
                weightUnit: ('g' | 'kg' | 'lb' | 'oz') | null;
                offers: {
                  id: string;
                  sellerId: string;
                  sellerProductName: string | null;
                  price: components['schemas']['Money'];
                  compareAtPrice: components['schemas']['Money'] | null;
                  available: boolean;
                  availableQuantity: number;
                  rewardPercentBp: number;
                  rating: number;
                  ratingCount: number;
                  best: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/offers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s offers with their product and variant, newest first (a SELLER its own) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                productId: string;
                productName: string;
                productSlug: string;
                /** @enum {string} */
                productStatus: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
                variantId: string;
                sku: string;
                options: {
                  [key: string]: string;
                };
                price: components['schemas']['Money'];
                compareAtPrice: components['schemas']['Money'] | null;
                available: boolean;
                availableQuantity: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/offers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Withdraw an offer */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change an offer */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            price?: {
              amount: number;
              currency: string;
            };
            compareAtPrice?: {
              amount: number;
              currency: string;
            } | null;
            sellerProductName?: string | null;
            rewardPercentBp?: number | null;
            available?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string;
              shortDescription: string | null;
              brand: string | null;
              productType: string | null;
              /** @enum {string} */
              status: 'DRAFT' | 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
              publishedAt: string | null;
              category: {
                id: string;
                slug: string;
                name: string;
              } | null;
              breadcrumbs: {
                id: string;
                slug: string;
                name: string;
              }[];
              tags: string[];
              attributes: {
                [key: string]: unknown;
              };
              specs: {
                name: string;
                value: string;
              }[];
              images: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
              thumbnail: string | null;
              price: components['schemas']['Money'] | null;
              compareAtPrice: components['schemas']['Money'] | null;
              bestOfferId: string | null;
              inStock: boolean;
              rating: number;
              ratingCount: number;
              rewardPercentBp: number;
              isDigital: boolean;
              requiresShipping: boolean;
              weightGrams: number | null;
              dimensions: {
                length: number;
                width: number;
                height: number;
                /** @enum {string} */
                unit: 'mm' | 'cm' | 'm' | 'in';
              } | null;
              seoTitle: string | null;
              seoDescription: string | null;
              createdBy: string;
              createdAt: string;
              updatedAt: string;
              options: {
                name: string;
                values: string[];
              }[];
              variants: {
                id: string;
                sku: string;
                barcode: string | null;
                options: {
                  [key: string]: string;
                };
                position: number;
                weightGrams: number | null;
                weightUnit: ('g' | 'kg' | 'lb' | 'oz') | null;
                offers: {
                  id: string;
                  sellerId: string;
                  sellerProductName: string | null;
                  price: components['schemas']['Money'];
                  compareAtPrice: components['schemas']['Money'] | null;
                  available: boolean;
                  availableQuantity: number;
                  rewardPercentBp: number;
                  rating: number;
                  ratingCount: number;
                  best: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every category, active or not */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                slug: string;
                name: string;
                description: string | null;
                imageUrl: string | null;
                sortOrder: number;
                isActive: boolean;
                parentId: string | null;
                depth: number;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a category */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            slug?: string;
            parentId?: string | null;
            description?: string;
            /** Format: uri */
            imageUrl?: string;
            sortOrder?: number;
            isActive?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string | null;
              imageUrl: string | null;
              sortOrder: number;
              isActive: boolean;
              parentId: string | null;
              depth: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/categories/reorder': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Order the children of a parent (null: the roots) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            parentId: string | null;
            orderedIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                slug: string;
                name: string;
                description: string | null;
                imageUrl: string | null;
                sortOrder: number;
                isActive: boolean;
                parentId: string | null;
                depth: number;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/categories/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, move (parentId), reorder or deactivate a category */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            slug?: string;
            parentId?: string | null;
            description?: string | null;
            imageUrl?: string | null;
            sortOrder?: number;
            isActive?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              slug: string;
              name: string;
              description: string | null;
              imageUrl: string | null;
              sortOrder: number;
              isActive: boolean;
              parentId: string | null;
              depth: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/categories/{id}/filters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A category’s own filters, in their order */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                categoryId: string;
                key: string;
                label: string;
                /** @enum {string} */
                kind: 'ENUM' | 'RANGE' | 'BOOLEAN';
                /** @enum {string} */
                source: 'SPEC' | 'ATTRIBUTE';
                sourceKey: string;
                position: number;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Add a filter to a category page (and the ones below it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            key: string;
            label: string;
            /** @enum {string} */
            kind: 'ENUM' | 'RANGE' | 'BOOLEAN';
            /** @enum {string} */
            source: 'SPEC' | 'ATTRIBUTE';
            sourceKey: string;
            position?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              categoryId: string;
              key: string;
              label: string;
              /** @enum {string} */
              kind: 'ENUM' | 'RANGE' | 'BOOLEAN';
              /** @enum {string} */
              source: 'SPEC' | 'ATTRIBUTE';
              sourceKey: string;
              position: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/filters/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a category filter */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/products/{id}/images': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload an image of the product (the body is the image: JPEG, PNG, WebP, AVIF or GIF, up to 10485760 bytes) */
    post: {
      parameters: {
        query?: {
          altText?: string;
          primary?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              altText: string | null;
              position: number;
              primary: boolean;
              width: number | null;
              height: number | null;
              srcset: string | null;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              altText: string | null;
              position: number;
              primary: boolean;
              width: number | null;
              height: number | null;
              srcset: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/products/{id}/images/order': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Put the product’s images in this order (every image once) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            imageIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                url: string;
                altText: string | null;
                position: number;
                primary: boolean;
                width: number | null;
                height: number | null;
                srcset: string | null;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/products/{id}/images/{imageId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove an image from the product */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          imageId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change an image’s alt text, or make it the primary one */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          imageId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            altText?: string | null;
            /** @enum {boolean} */
            primary?: true;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              altText: string | null;
              position: number;
              primary: boolean;
              width: number | null;
              height: number | null;
              srcset: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/warehouses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Warehouses of the store (ADMIN, SELLER) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                /** @enum {string} */
                type: 'FULFILLMENT' | 'DROPSHIP' | 'RETAIL';
                address: {
                  line1?: string;
                  line2?: string;
                  city?: string;
                  state?: string;
                  postalCode?: string;
                  country?: string;
                };
                latitude: number | null;
                longitude: number | null;
                timezone: string;
                operatingHours: {
                  [key: string]: {
                    open: string;
                    close: string;
                  };
                } | null;
                maxCapacity: number | null;
                active: boolean;
                isDefault: boolean;
                createdAt: string;
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a warehouse (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            name: string;
            /** @enum {string} */
            type?: 'FULFILLMENT' | 'DROPSHIP' | 'RETAIL';
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state?: string;
              postalCode?: string;
              country: string;
            };
            latitude?: number | null;
            longitude?: number | null;
            timezone?: string;
            operatingHours?: {
              [key: string]: {
                open: string;
                close: string;
              };
            } | null;
            maxCapacity?: number | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              /** @enum {string} */
              type: 'FULFILLMENT' | 'DROPSHIP' | 'RETAIL';
              address: {
                line1?: string;
                line2?: string;
                city?: string;
                state?: string;
                postalCode?: string;
                country?: string;
              };
              latitude: number | null;
              longitude: number | null;
              timezone: string;
              operatingHours: {
                [key: string]: {
                  open: string;
                  close: string;
                };
              } | null;
              maxCapacity: number | null;
              active: boolean;
              isDefault: boolean;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/warehouses/{warehouseId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A warehouse (ADMIN, SELLER) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          warehouseId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              /** @enum {string} */
              type: 'FULFILLMENT' | 'DROPSHIP' | 'RETAIL';
              address: {
                line1?: string;
                line2?: string;
                city?: string;
                state?: string;
                postalCode?: string;
                country?: string;
              };
              latitude: number | null;
              longitude: number | null;
              timezone: string;
              operatingHours: {
                [key: string]: {
                  open: string;
                  close: string;
                };
              } | null;
              maxCapacity: number | null;
              active: boolean;
              isDefault: boolean;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a warehouse that never held stock (ADMIN); 409 otherwise */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          warehouseId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a warehouse (ADMIN); deactivating takes its stock off sale */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          warehouseId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code?: string;
            name?: string;
            /** @enum {string} */
            type?: 'FULFILLMENT' | 'DROPSHIP' | 'RETAIL';
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state?: string;
              postalCode?: string;
              country: string;
            };
            latitude?: number | null;
            longitude?: number | null;
            timezone?: string;
            operatingHours?: {
              [key: string]: {
                open: string;
                close: string;
              };
            } | null;
            maxCapacity?: number | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              /** @enum {string} */
              type: 'FULFILLMENT' | 'DROPSHIP' | 'RETAIL';
              address: {
                line1?: string;
                line2?: string;
                city?: string;
                state?: string;
                postalCode?: string;
                country?: string;
              };
              latitude: number | null;
              longitude: number | null;
              timezone: string;
              operatingHours: {
                [key: string]: {
                  open: string;
                  close: string;
                };
              } | null;
              maxCapacity: number | null;
              active: boolean;
              isDefault: boolean;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/inventory/receipts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receive stock of an offer, optionally into a lot (INBOUND) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            offerId: string;
            /**
             * Format: uuid
             * @description Optional; taken from the catalog offer, and must be the offer's when given
             */
            productId?: string;
            /**
             * Format: uuid
             * @description Optional; taken from the catalog offer, and must be the offer's when given
             */
            sellerId?: string;
            /**
             * Format: uuid
             * @description Defaults to the store’s default warehouse
             */
            warehouseId?: string;
            quantity: number;
            lot?: {
              code: string;
              /** Format: date */
              manufacturedOn?: string;
              /** Format: date-time */
              expiresAt?: string;
              /** @description Cost price of one unit of this lot, in minor units */
              unitCost?: {
                amount: number;
                currency: string;
              };
            };
            reason?: string;
            reference?: {
              /** @description What the reference points at, e.g. ORDER, CHECKOUT, QUOTE */
              type: string;
              id: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              productId: string;
              /** Format: uuid */
              sellerId: string;
              warehouse: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                active: boolean;
              };
              onHand: number;
              reserved: number;
              committed: number;
              damaged: number;
              /** @description onHand − reserved */
              available: number;
              /** @description available minus expired lots; 0 in an inactive warehouse */
              sellable: number;
              reorderPoint: number;
              reorderQuantity: number;
              maxLevel: number | null;
              leadTimeDays: number | null;
              bin: string | null;
              shelf: string | null;
              totals: {
                received: number;
                sold: number;
                returned: number;
                adjusted: number;
                /** @description Sold units that left the warehouse (committed → shipped) */
                shipped: number;
              };
              lots?: {
                /** Format: uuid */
                id: string;
                code: string | null;
                manufacturedOn: string | null;
                expiresAt: string | null;
                expired: boolean;
                onHand: number;
                reserved: number;
                receivedQuantity: number;
                unitCost: components['schemas']['Money'] | null;
              }[];
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Adjust on-hand stock with a reason (ADJUSTMENT) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            offerId: string;
            /** Format: uuid */
            warehouseId: string;
            /** @description Signed change of on-hand units */
            delta: number;
            reason: string;
            /** Format: uuid */
            lotId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              productId: string;
              /** Format: uuid */
              sellerId: string;
              warehouse: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                active: boolean;
              };
              onHand: number;
              reserved: number;
              committed: number;
              damaged: number;
              /** @description onHand − reserved */
              available: number;
              /** @description available minus expired lots; 0 in an inactive warehouse */
              sellable: number;
              reorderPoint: number;
              reorderQuantity: number;
              maxLevel: number | null;
              leadTimeDays: number | null;
              bin: string | null;
              shelf: string | null;
              totals: {
                received: number;
                sold: number;
                returned: number;
                adjusted: number;
                /** @description Sold units that left the warehouse (committed → shipped) */
                shipped: number;
              };
              lots?: {
                /** Format: uuid */
                id: string;
                code: string | null;
                manufacturedOn: string | null;
                expiresAt: string | null;
                expired: boolean;
                onHand: number;
                reserved: number;
                receivedQuantity: number;
                unitCost: components['schemas']['Money'] | null;
              }[];
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/damages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark unreserved units damaged (DAMAGE) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            offerId: string;
            /** Format: uuid */
            warehouseId: string;
            quantity: number;
            reason: string;
            /** Format: uuid */
            lotId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              productId: string;
              /** Format: uuid */
              sellerId: string;
              warehouse: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                active: boolean;
              };
              onHand: number;
              reserved: number;
              committed: number;
              damaged: number;
              /** @description onHand − reserved */
              available: number;
              /** @description available minus expired lots; 0 in an inactive warehouse */
              sellable: number;
              reorderPoint: number;
              reorderQuantity: number;
              maxLevel: number | null;
              leadTimeDays: number | null;
              bin: string | null;
              shelf: string | null;
              totals: {
                received: number;
                sold: number;
                returned: number;
                adjusted: number;
                /** @description Sold units that left the warehouse (committed → shipped) */
                shipped: number;
              };
              lots?: {
                /** Format: uuid */
                id: string;
                code: string | null;
                manufacturedOn: string | null;
                expiresAt: string | null;
                expired: boolean;
                onHand: number;
                reserved: number;
                receivedQuantity: number;
                unitCost: components['schemas']['Money'] | null;
              }[];
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move unreserved units between warehouses (TRANSFER) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            offerId: string;
            /** Format: uuid */
            fromWarehouseId: string;
            /** Format: uuid */
            toWarehouseId: string;
            quantity: number;
            /** Format: uuid */
            lotId?: string;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              transferId: string;
              from: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                  active: boolean;
                };
                onHand: number;
                reserved: number;
                committed: number;
                damaged: number;
                /** @description onHand − reserved */
                available: number;
                /** @description available minus expired lots; 0 in an inactive warehouse */
                sellable: number;
                reorderPoint: number;
                reorderQuantity: number;
                maxLevel: number | null;
                leadTimeDays: number | null;
                bin: string | null;
                shelf: string | null;
                totals: {
                  received: number;
                  sold: number;
                  returned: number;
                  adjusted: number;
                  /** @description Sold units that left the warehouse (committed → shipped) */
                  shipped: number;
                };
                lots?: {
                  /** Format: uuid */
                  id: string;
                  code: string | null;
                  manufacturedOn: string | null;
                  expiresAt: string | null;
                  expired: boolean;
                  onHand: number;
                  reserved: number;
                  receivedQuantity: number;
                  unitCost: components['schemas']['Money'] | null;
                }[];
                updatedAt: string;
              };
              to: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                  active: boolean;
                };
                onHand: number;
                reserved: number;
                committed: number;
                damaged: number;
                /** @description onHand − reserved */
                available: number;
                /** @description available minus expired lots; 0 in an inactive warehouse */
                sellable: number;
                reorderPoint: number;
                reorderQuantity: number;
                maxLevel: number | null;
                leadTimeDays: number | null;
                bin: string | null;
                shelf: string | null;
                totals: {
                  received: number;
                  sold: number;
                  returned: number;
                  adjusted: number;
                  /** @description Sold units that left the warehouse (committed → shipped) */
                  shipped: number;
                };
                lots?: {
                  /** Format: uuid */
                  id: string;
                  code: string | null;
                  manufacturedOn: string | null;
                  expiresAt: string | null;
                  expired: boolean;
                  onHand: number;
                  reserved: number;
                  receivedQuantity: number;
                  unitCost: components['schemas']['Money'] | null;
                }[];
                updatedAt: string;
              };
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/offers/{offerId}/warehouses/{warehouseId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Reorder point and quantity, maximum level, bin and shelf */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          offerId: string;
          warehouseId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reorderPoint?: number;
            reorderQuantity?: number;
            maxLevel?: number | null;
            leadTimeDays?: number | null;
            bin?: string | null;
            shelf?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              productId: string;
              /** Format: uuid */
              sellerId: string;
              warehouse: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                active: boolean;
              };
              onHand: number;
              reserved: number;
              committed: number;
              damaged: number;
              /** @description onHand − reserved */
              available: number;
              /** @description available minus expired lots; 0 in an inactive warehouse */
              sellable: number;
              reorderPoint: number;
              reorderQuantity: number;
              maxLevel: number | null;
              leadTimeDays: number | null;
              bin: string | null;
              shelf: string | null;
              totals: {
                received: number;
                sold: number;
                returned: number;
                adjusted: number;
                /** @description Sold units that left the warehouse (committed → shipped) */
                shipped: number;
              };
              lots?: {
                /** Format: uuid */
                id: string;
                code: string | null;
                manufacturedOn: string | null;
                expiresAt: string | null;
                expired: boolean;
                onHand: number;
                reserved: number;
                receivedQuantity: number;
                unitCost: components['schemas']['Money'] | null;
              }[];
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/inventory/offers/{offerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock of an offer per warehouse, with lots */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          offerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              offerId: string;
              /** Format: uuid */
              productId: string;
              /** Format: uuid */
              sellerId: string;
              onHand: number;
              reserved: number;
              committed: number;
              damaged: number;
              /** @description Sellable units across active warehouses */
              available: number;
              warehouses: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                  active: boolean;
                };
                onHand: number;
                reserved: number;
                committed: number;
                damaged: number;
                /** @description onHand − reserved */
                available: number;
                /** @description available minus expired lots; 0 in an inactive warehouse */
                sellable: number;
                reorderPoint: number;
                reorderQuantity: number;
                maxLevel: number | null;
                leadTimeDays: number | null;
                bin: string | null;
                shelf: string | null;
                totals: {
                  received: number;
                  sold: number;
                  returned: number;
                  adjusted: number;
                  /** @description Sold units that left the warehouse (committed → shipped) */
                  shipped: number;
                };
                lots?: {
                  /** Format: uuid */
                  id: string;
                  code: string | null;
                  manufacturedOn: string | null;
                  expiresAt: string | null;
                  expired: boolean;
                  onHand: number;
                  reserved: number;
                  receivedQuantity: number;
                  unitCost: components['schemas']['Money'] | null;
                }[];
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/offers/{offerId}/movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Movements of an offer, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          type?:
            | 'INBOUND'
            | 'OUTBOUND'
            | 'ADJUSTMENT'
            | 'TRANSFER'
            | 'DAMAGE'
            | 'RETURN'
            | 'EXPIRE'
            | 'SHIPMENT';
        };
        header?: never;
        path: {
          offerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                type:
                  | 'INBOUND'
                  | 'OUTBOUND'
                  | 'ADJUSTMENT'
                  | 'TRANSFER'
                  | 'DAMAGE'
                  | 'RETURN'
                  | 'EXPIRE'
                  | 'SHIPMENT';
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                warehouseId: string;
                /** Format: uuid */
                lotId: string;
                lotCode: string | null;
                quantityChange: number;
                quantityBefore: number;
                quantityAfter: number;
                /** @description Change of committed units: −q on a SHIPMENT, else 0 */
                committedChange: number;
                shipmentId: string | null;
                reason: string | null;
                reference: {
                  /** @description What the reference points at, e.g. ORDER, CHECKOUT, QUOTE */
                  type: string;
                  id: string;
                } | null;
                actorUserId: string | null;
                unitCost: components['schemas']['Money'] | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/products/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock of a product across warehouses and offers */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          productId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              productId: string;
              totalAvailable: number;
              warehouses: {
                /** Format: uuid */
                warehouseId: string;
                code: string;
                name: string;
                available: number;
              }[];
              offers: {
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                sellerId: string;
                available: number;
              }[];
              stock: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                  active: boolean;
                };
                onHand: number;
                reserved: number;
                committed: number;
                damaged: number;
                /** @description onHand − reserved */
                available: number;
                /** @description available minus expired lots; 0 in an inactive warehouse */
                sellable: number;
                reorderPoint: number;
                reorderQuantity: number;
                maxLevel: number | null;
                leadTimeDays: number | null;
                bin: string | null;
                shelf: string | null;
                totals: {
                  received: number;
                  sold: number;
                  returned: number;
                  adjusted: number;
                  /** @description Sold units that left the warehouse (committed → shipped) */
                  shipped: number;
                };
                lots?: {
                  /** Format: uuid */
                  id: string;
                  code: string | null;
                  manufacturedOn: string | null;
                  expiresAt: string | null;
                  expired: boolean;
                  onHand: number;
                  reserved: number;
                  receivedQuantity: number;
                  unitCost: components['schemas']['Money'] | null;
                }[];
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/sellers/{sellerId}/stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A seller's stock by product (sellers: their own) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          sellerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                  active: boolean;
                };
                onHand: number;
                reserved: number;
                committed: number;
                damaged: number;
                /** @description onHand − reserved */
                available: number;
                /** @description available minus expired lots; 0 in an inactive warehouse */
                sellable: number;
                reorderPoint: number;
                reorderQuantity: number;
                maxLevel: number | null;
                leadTimeDays: number | null;
                bin: string | null;
                shelf: string | null;
                totals: {
                  received: number;
                  sold: number;
                  returned: number;
                  adjusted: number;
                  /** @description Sold units that left the warehouse (committed → shipped) */
                  shipped: number;
                };
                lots?: {
                  /** Format: uuid */
                  id: string;
                  code: string | null;
                  manufacturedOn: string | null;
                  expiresAt: string | null;
                  expired: boolean;
                  onHand: number;
                  reserved: number;
                  receivedQuantity: number;
                  unitCost: components['schemas']['Money'] | null;
                }[];
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/low-stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock at or below its reorder point */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          warehouseId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                warehouse: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  name: string;
                  active: boolean;
                };
                onHand: number;
                reserved: number;
                committed: number;
                damaged: number;
                /** @description onHand − reserved */
                available: number;
                /** @description available minus expired lots; 0 in an inactive warehouse */
                sellable: number;
                reorderPoint: number;
                reorderQuantity: number;
                maxLevel: number | null;
                leadTimeDays: number | null;
                bin: string | null;
                shelf: string | null;
                totals: {
                  received: number;
                  sold: number;
                  returned: number;
                  adjusted: number;
                  /** @description Sold units that left the warehouse (committed → shipped) */
                  shipped: number;
                };
                lots?: {
                  /** Format: uuid */
                  id: string;
                  code: string | null;
                  manufacturedOn: string | null;
                  expiresAt: string | null;
                  expired: boolean;
                  onHand: number;
                  reserved: number;
                  receivedQuantity: number;
                  unitCost: components['schemas']['Money'] | null;
                }[];
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ledger invariants (ADMIN): on-hand equals the sum of movements, and more */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              healthy: boolean;
              mismatches: {
                kind: string;
                /** Format: uuid */
                itemId: string;
                lotId: string | null;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                warehouseId: string;
                expected: number;
                actual: number;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/reservations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hold stock for a reference, all lines or none (ADMIN); 409 insufficient-stock */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reference: {
              /** @description What the reference points at, e.g. ORDER, CHECKOUT, QUOTE */
              type: string;
              id: string;
            };
            lines: {
              /** Format: uuid */
              offerId: string;
              quantity: number;
            }[];
            ttlSeconds?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              reference: {
                /** @description What the reference points at, e.g. ORDER, CHECKOUT, QUOTE */
                type: string;
                id: string;
              };
              /** @enum {string} */
              status: 'ACTIVE' | 'CONFIRMED' | 'RELEASED' | 'EXPIRED';
              expiresAt: string;
              createdAt: string;
              confirmedAt: string | null;
              releasedAt: string | null;
              releaseReason: string | null;
              lines: {
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                lotId: string;
                quantity: number;
                returnedQuantity: number;
                shippedQuantity: number;
                /** @description Of the returned units, those that had been shipped */
                shippedReturnedQuantity: number;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/reservations/{reservationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A reservation (ADMIN) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reservationId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              reference: {
                /** @description What the reference points at, e.g. ORDER, CHECKOUT, QUOTE */
                type: string;
                id: string;
              };
              /** @enum {string} */
              status: 'ACTIVE' | 'CONFIRMED' | 'RELEASED' | 'EXPIRED';
              expiresAt: string;
              createdAt: string;
              confirmedAt: string | null;
              releasedAt: string | null;
              releaseReason: string | null;
              lines: {
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                lotId: string;
                quantity: number;
                returnedQuantity: number;
                shippedQuantity: number;
                /** @description Of the returned units, those that had been shipped */
                shippedReturnedQuantity: number;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/reservations/{reservationId}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn a reservation into a sale (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reservationId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              reference: {
                /** @description What the reference points at, e.g. ORDER, CHECKOUT, QUOTE */
                type: string;
                id: string;
              };
              /** @enum {string} */
              status: 'ACTIVE' | 'CONFIRMED' | 'RELEASED' | 'EXPIRED';
              expiresAt: string;
              createdAt: string;
              confirmedAt: string | null;
              releasedAt: string | null;
              releaseReason: string | null;
              lines: {
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                lotId: string;
                quantity: number;
                returnedQuantity: number;
                shippedQuantity: number;
                /** @description Of the returned units, those that had been shipped */
                shippedReturnedQuantity: number;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/reservations/{reservationId}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Release a reservation (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reservationId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              reference: {
                /** @description What the reference points at, e.g. ORDER, CHECKOUT, QUOTE */
                type: string;
                id: string;
              };
              /** @enum {string} */
              status: 'ACTIVE' | 'CONFIRMED' | 'RELEASED' | 'EXPIRED';
              expiresAt: string;
              createdAt: string;
              confirmedAt: string | null;
              releasedAt: string | null;
              releaseReason: string | null;
              lines: {
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                lotId: string;
                quantity: number;
                returnedQuantity: number;
                shippedQuantity: number;
                /** @description Of the returned units, those that had been shipped */
                shippedReturnedQuantity: number;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/reservations/{reservationId}/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take back units sold under a confirmed reservation (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          reservationId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            lines?: {
              /** Format: uuid */
              offerId: string;
              quantity: number;
            }[];
            reason?: string;
            /** @description true: only shipped units come back; false: only unshipped; absent: unshipped first */
            shipped?: boolean;
            /**
             * @description DAMAGED: the units returned go to damaged, not on hand
             * @enum {string}
             */
            condition?: 'SELLABLE' | 'DAMAGED';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              reference: {
                /** @description What the reference points at, e.g. ORDER, CHECKOUT, QUOTE */
                type: string;
                id: string;
              };
              /** @enum {string} */
              status: 'ACTIVE' | 'CONFIRMED' | 'RELEASED' | 'EXPIRED';
              expiresAt: string;
              createdAt: string;
              confirmedAt: string | null;
              releasedAt: string | null;
              releaseReason: string | null;
              lines: {
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                lotId: string;
                quantity: number;
                returnedQuantity: number;
                shippedQuantity: number;
                /** @description Of the returned units, those that had been shipped */
                shippedReturnedQuantity: number;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/forecasts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reorder suggestions: offers whose stock runs out within lead time + review period
     * @description From the latest daily forecasts, most urgent first (least days of cover beyond the lead time). `format=csv` or `Accept: text/csv` answers as CSV.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          format?: 'json' | 'csv';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReorderSuggestions'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/inventory/offers/{offerId}/forecast': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An offer's latest stock forecast (sellers: their own offers) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          offerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StockForecast'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/carts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a cart (the user’s, with a Bearer token; else a guest cart) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'ACTIVE' | 'MERGED' | 'CONVERTED' | 'ABANDONED';
              userId: string | null;
              currency: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                sellerId: string | null;
                name: string;
                sku: string | null;
                options: {
                  [key: string]: string;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                currentPrice: components['schemas']['Money'] | null;
                total: components['schemas']['Money'];
                priceChanged: boolean;
                quoted: boolean;
                available: boolean;
                availableQuantity: number;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              needsAttention: boolean;
              quote: {
                /** Format: uuid */
                leadId: string;
                validUntil: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/carts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A cart, with changed prices and stock problems flagged */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'ACTIVE' | 'MERGED' | 'CONVERTED' | 'ABANDONED';
              userId: string | null;
              currency: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                sellerId: string | null;
                name: string;
                sku: string | null;
                options: {
                  [key: string]: string;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                currentPrice: components['schemas']['Money'] | null;
                total: components['schemas']['Money'];
                priceChanged: boolean;
                quoted: boolean;
                available: boolean;
                availableQuantity: number;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              needsAttention: boolean;
              quote: {
                /** Format: uuid */
                leadId: string;
                validUntil: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/carts/{id}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add an offer (adds to the line if present); 409 if more than available */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            offerId: string;
            quantity: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'ACTIVE' | 'MERGED' | 'CONVERTED' | 'ABANDONED';
              userId: string | null;
              currency: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                sellerId: string | null;
                name: string;
                sku: string | null;
                options: {
                  [key: string]: string;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                currentPrice: components['schemas']['Money'] | null;
                total: components['schemas']['Money'];
                priceChanged: boolean;
                quoted: boolean;
                available: boolean;
                availableQuantity: number;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              needsAttention: boolean;
              quote: {
                /** Format: uuid */
                leadId: string;
                validUntil: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/carts/{id}/items/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a line */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'ACTIVE' | 'MERGED' | 'CONVERTED' | 'ABANDONED';
              userId: string | null;
              currency: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                sellerId: string | null;
                name: string;
                sku: string | null;
                options: {
                  [key: string]: string;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                currentPrice: components['schemas']['Money'] | null;
                total: components['schemas']['Money'];
                priceChanged: boolean;
                quoted: boolean;
                available: boolean;
                availableQuantity: number;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              needsAttention: boolean;
              quote: {
                /** Format: uuid */
                leadId: string;
                validUntil: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a line’s quantity */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            quantity: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'ACTIVE' | 'MERGED' | 'CONVERTED' | 'ABANDONED';
              userId: string | null;
              currency: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                sellerId: string | null;
                name: string;
                sku: string | null;
                options: {
                  [key: string]: string;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                currentPrice: components['schemas']['Money'] | null;
                total: components['schemas']['Money'];
                priceChanged: boolean;
                quoted: boolean;
                available: boolean;
                availableQuantity: number;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              needsAttention: boolean;
              quote: {
                /** Format: uuid */
                leadId: string;
                validUntil: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/carts/{id}/accept-prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept the current price of every line */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'ACTIVE' | 'MERGED' | 'CONVERTED' | 'ABANDONED';
              userId: string | null;
              currency: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                sellerId: string | null;
                name: string;
                sku: string | null;
                options: {
                  [key: string]: string;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                currentPrice: components['schemas']['Money'] | null;
                total: components['schemas']['Money'];
                priceChanged: boolean;
                quoted: boolean;
                available: boolean;
                availableQuantity: number;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              needsAttention: boolean;
              quote: {
                /** Format: uuid */
                leadId: string;
                validUntil: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/carts/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge this guest cart into the signed-in user’s cart (after login) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'ACTIVE' | 'MERGED' | 'CONVERTED' | 'ABANDONED';
              userId: string | null;
              currency: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                sellerId: string | null;
                name: string;
                sku: string | null;
                options: {
                  [key: string]: string;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                currentPrice: components['schemas']['Money'] | null;
                total: components['schemas']['Money'];
                priceChanged: boolean;
                quoted: boolean;
                available: boolean;
                availableQuantity: number;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              needsAttention: boolean;
              quote: {
                /** Format: uuid */
                leadId: string;
                validUntil: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/wishlists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The user’s wishlists with their items, oldest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                description: string | null;
                createdAt: string;
                items: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  offerId: string;
                  productId: string | null;
                  name: string;
                  price: components['schemas']['Money'] | null;
                  available: boolean;
                  note: string | null;
                  addedAt: string;
                }[];
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a named wishlist */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            description?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              createdAt: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                name: string;
                price: components['schemas']['Money'] | null;
                available: boolean;
                note: string | null;
                addedAt: string;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/wishlists/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a wishlist */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename or describe a wishlist */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            description?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              createdAt: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                name: string;
                price: components['schemas']['Money'] | null;
                available: boolean;
                note: string | null;
                addedAt: string;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/me/wishlists/{id}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add an offer to a wishlist */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            offerId: string;
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              createdAt: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                name: string;
                price: components['schemas']['Money'] | null;
                available: boolean;
                note: string | null;
                addedAt: string;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/wishlists/{id}/items/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove an item from a wishlist */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              createdAt: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                name: string;
                price: components['schemas']['Money'] | null;
                available: boolean;
                note: string | null;
                addedAt: string;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/wishlists/{id}/items/{itemId}/move-to-cart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move an item into a cart (the given one, or the user’s) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            cartId?: string;
            /** @default 1 */
            quantity?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              status: 'ACTIVE' | 'MERGED' | 'CONVERTED' | 'ABANDONED';
              userId: string | null;
              currency: string;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                productId: string | null;
                sellerId: string | null;
                name: string;
                sku: string | null;
                options: {
                  [key: string]: string;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                currentPrice: components['schemas']['Money'] | null;
                total: components['schemas']['Money'];
                priceChanged: boolean;
                quoted: boolean;
                available: boolean;
                availableQuantity: number;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              needsAttention: boolean;
              quote: {
                /** Format: uuid */
                leadId: string;
                validUntil: string;
              } | null;
              updatedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payment-methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The payment providers a buyer can choose at checkout in this store */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @enum {string} */
                provider: 'test' | 'cod' | 'stripe' | 'razorpay';
              }[];
            };
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A payment (payer or admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              provider: string;
              method: string;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'REQUIRES_ACTION'
                | 'AUTHORIZED'
                | 'CAPTURED'
                | 'FAILED'
                | 'CANCELLED'
                | 'PARTIALLY_REFUNDED'
                | 'REFUNDED';
              amount: components['schemas']['Money'];
              captured: components['schemas']['Money'];
              refunded: components['schemas']['Money'];
              cardLast4: string | null;
              cardBrand: string | null;
              errorCode: string | null;
              errorMessage: string | null;
              nextAction?: {
                [key: string]: unknown;
              };
              createdAt: string;
            };
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Complete a payment that needs a confirmation step */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            confirmation?: string;
            razorpayPaymentId?: string;
            razorpaySignature?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              provider: string;
              method: string;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'REQUIRES_ACTION'
                | 'AUTHORIZED'
                | 'CAPTURED'
                | 'FAILED'
                | 'CANCELLED'
                | 'PARTIALLY_REFUNDED'
                | 'REFUNDED';
              amount: components['schemas']['Money'];
              captured: components['schemas']['Money'];
              refunded: components['schemas']['Money'];
              cardLast4: string | null;
              cardBrand: string | null;
              errorCode: string | null;
              errorMessage: string | null;
              nextAction?: {
                [key: string]: unknown;
              };
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pay a PENDING order again after a failed payment (payer, or a guest with the payment id) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              provider: string;
              method: string;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'REQUIRES_ACTION'
                | 'AUTHORIZED'
                | 'CAPTURED'
                | 'FAILED'
                | 'CANCELLED'
                | 'PARTIALLY_REFUNDED'
                | 'REFUNDED';
              amount: components['schemas']['Money'];
              captured: components['schemas']['Money'];
              refunded: components['schemas']['Money'];
              cardLast4: string | null;
              cardBrand: string | null;
              errorCode: string | null;
              errorMessage: string | null;
              nextAction?: {
                [key: string]: unknown;
              };
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/{id}/collect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record cash taken for a cash-on-delivery payment (ADMIN); agents record theirs with the delivery’s DELIVERED step */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            amount: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              provider: string;
              method: string;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'REQUIRES_ACTION'
                | 'AUTHORIZED'
                | 'CAPTURED'
                | 'FAILED'
                | 'CANCELLED'
                | 'PARTIALLY_REFUNDED'
                | 'REFUNDED';
              amount: components['schemas']['Money'];
              captured: components['schemas']['Money'];
              refunded: components['schemas']['Money'];
              cardLast4: string | null;
              cardBrand: string | null;
              errorCode: string | null;
              errorMessage: string | null;
              nextAction?: {
                [key: string]: unknown;
              };
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find payments (and their orders) by the provider’s reference, or an order’s payments (ADMIN) */
    get: {
      parameters: {
        query?: {
          reference?: string;
          orderId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orderId: string;
                provider: string;
                method: string;
                /** @enum {string} */
                status:
                  | 'PENDING'
                  | 'REQUIRES_ACTION'
                  | 'AUTHORIZED'
                  | 'CAPTURED'
                  | 'FAILED'
                  | 'CANCELLED'
                  | 'PARTIALLY_REFUNDED'
                  | 'REFUNDED';
                amount: components['schemas']['Money'];
                captured: components['schemas']['Money'];
                refunded: components['schemas']['Money'];
                cardLast4: string | null;
                cardBrand: string | null;
                errorCode: string | null;
                errorMessage: string | null;
                nextAction?: {
                  [key: string]: unknown;
                };
                createdAt: string;
              }[];
              /** @description By orderId: the payments' refunds */
              refunds?: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                paymentId: string;
                amount: components['schemas']['Money'];
                reason: string;
                /** @enum {string} */
                status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
                processedBy: string | null;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/payments/{id}/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund part or all of a captured payment (ADMIN); Idempotency-Key makes retries safe */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            amount?: number;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              paymentId: string;
              amount: components['schemas']['Money'];
              reason: string;
              /** @enum {string} */
              status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
              processedBy: string | null;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payments/webhooks/{provider}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Provider webhook (signature verified) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          provider: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Coupons, newest first (ADMIN) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                code: string;
                description: string | null;
                /** @enum {string} */
                type: 'AMOUNT' | 'PERCENT' | 'FREE_SHIPPING';
                value: number;
                currency: string;
                minOrderAmount: components['schemas']['Money'];
                maxDiscountAmount: components['schemas']['Money'] | null;
                startsAt: string | null;
                expiresAt: string | null;
                usageLimit: number | null;
                usedCount: number;
                perUserLimit: number | null;
                active: boolean;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a coupon (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            description?: string;
            /** @enum {string} */
            type: 'AMOUNT' | 'PERCENT' | 'FREE_SHIPPING';
            /** @default 0 */
            value?: number;
            currency?: string;
            minOrderAmount?: number;
            maxDiscountAmount?: number | null;
            startsAt?: string | null;
            expiresAt?: string | null;
            usageLimit?: number | null;
            perUserLimit?: number | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              description: string | null;
              /** @enum {string} */
              type: 'AMOUNT' | 'PERCENT' | 'FREE_SHIPPING';
              value: number;
              currency: string;
              minOrderAmount: components['schemas']['Money'];
              maxDiscountAmount: components['schemas']['Money'] | null;
              startsAt: string | null;
              expiresAt: string | null;
              usageLimit: number | null;
              usedCount: number;
              perUserLimit: number | null;
              active: boolean;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/coupons/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A coupon with its usage count (ADMIN) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              description: string | null;
              /** @enum {string} */
              type: 'AMOUNT' | 'PERCENT' | 'FREE_SHIPPING';
              value: number;
              currency: string;
              minOrderAmount: components['schemas']['Money'];
              maxDiscountAmount: components['schemas']['Money'] | null;
              startsAt: string | null;
              expiresAt: string | null;
              usageLimit: number | null;
              usedCount: number;
              perUserLimit: number | null;
              active: boolean;
              createdAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change or deactivate a coupon (ADMIN) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            value?: number;
            minOrderAmount?: number;
            maxDiscountAmount?: number | null;
            startsAt?: string | null;
            expiresAt?: string | null;
            usageLimit?: number | null;
            perUserLimit?: number | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              description: string | null;
              /** @enum {string} */
              type: 'AMOUNT' | 'PERCENT' | 'FREE_SHIPPING';
              value: number;
              currency: string;
              minOrderAmount: components['schemas']['Money'];
              maxDiscountAmount: components['schemas']['Money'] | null;
              startsAt: string | null;
              expiresAt: string | null;
              usageLimit: number | null;
              usedCount: number;
              perUserLimit: number | null;
              active: boolean;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/me/rewards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reward points balance and history */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              balance: number;
              pointValue: components['schemas']['Money'];
              items: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                type: 'EARN' | 'REDEEM' | 'EXPIRE' | 'ADJUST';
                reason: string;
                points: number;
                orderId: string | null;
                note: string | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/rewards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user’s reward points balance and history (ADMIN) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              balance: number;
              pointValue: components['schemas']['Money'];
              items: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                type: 'EARN' | 'REDEEM' | 'EXPIRE' | 'ADJUST';
                reason: string;
                points: number;
                orderId: string | null;
                note: string | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Adjust a user’s reward points (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            points: number;
            note: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              balance: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s orders, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?:
            | 'PENDING'
            | 'CONFIRMED'
            | 'PAID'
            | 'PROCESSING'
            | 'SHIPPED'
            | 'DELIVERED'
            | 'CANCELLED'
            | 'REFUNDED'
            | 'RETURNED';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                status:
                  | 'PENDING'
                  | 'CONFIRMED'
                  | 'PAID'
                  | 'PROCESSING'
                  | 'SHIPPED'
                  | 'DELIVERED'
                  | 'CANCELLED'
                  | 'REFUNDED'
                  | 'RETURNED';
                paymentStatus: string;
                paymentProvider: string;
                email: string;
                userId: string | null;
                items: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  offerId: string;
                  /** Format: uuid */
                  productId: string;
                  /** Format: uuid */
                  sellerId: string;
                  name: string;
                  sku: string;
                  options: {
                    [key: string]: unknown;
                  };
                  imageUrl: string | null;
                  quantity: number;
                  unitPrice: components['schemas']['Money'];
                  discount: components['schemas']['Money'];
                  tax: components['schemas']['Money'];
                  total: components['schemas']['Money'];
                  /** @enum {string} */
                  fulfillmentStatus:
                    | 'PENDING'
                    | 'PROCESSING'
                    | 'SHIPPED'
                    | 'DELIVERED'
                    | 'CANCELLED'
                    | 'RETURNED';
                }[];
                /** @enum {string} */
                fulfillmentStatus:
                  | 'UNFULFILLED'
                  | 'PARTIALLY_SHIPPED'
                  | 'SHIPPED'
                  | 'PARTIALLY_DELIVERED'
                  | 'DELIVERED'
                  | 'RETURNED';
                shipments: {
                  /** Format: uuid */
                  id: string;
                  status: string;
                  carrier: string | null;
                  trackingNumber: string | null;
                  trackingUrl: string | null;
                  estimatedDeliveryAt: string | null;
                  items: {
                    /** Format: uuid */
                    orderItemId: string;
                    quantity: number;
                  }[];
                  events: {
                    status: string;
                    at: string;
                  }[];
                  lastLocation: {
                    lat: number;
                    lng: number;
                    accuracy: number | null;
                    at: string;
                  } | null;
                  deliveryCode?: string | null;
                }[];
                totals: {
                  subtotal: components['schemas']['Money'];
                  discount: components['schemas']['Money'];
                  tax: components['schemas']['Money'];
                  shipping: components['schemas']['Money'];
                  total: components['schemas']['Money'];
                };
                couponCode: string | null;
                pointsRedeemed: number;
                shippingMethod: string | null;
                shippingAddress: components['schemas']['PostalAddress'];
                billingAddress: components['schemas']['PostalAddress'];
                cancelReason: string | null;
                placedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An order (owner, its sellers for their items, or admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'CONFIRMED'
                | 'PAID'
                | 'PROCESSING'
                | 'SHIPPED'
                | 'DELIVERED'
                | 'CANCELLED'
                | 'REFUNDED'
                | 'RETURNED';
              paymentStatus: string;
              paymentProvider: string;
              email: string;
              userId: string | null;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                name: string;
                sku: string;
                options: {
                  [key: string]: unknown;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                total: components['schemas']['Money'];
                /** @enum {string} */
                fulfillmentStatus:
                  | 'PENDING'
                  | 'PROCESSING'
                  | 'SHIPPED'
                  | 'DELIVERED'
                  | 'CANCELLED'
                  | 'RETURNED';
              }[];
              /** @enum {string} */
              fulfillmentStatus:
                | 'UNFULFILLED'
                | 'PARTIALLY_SHIPPED'
                | 'SHIPPED'
                | 'PARTIALLY_DELIVERED'
                | 'DELIVERED'
                | 'RETURNED';
              shipments: {
                /** Format: uuid */
                id: string;
                status: string;
                carrier: string | null;
                trackingNumber: string | null;
                trackingUrl: string | null;
                estimatedDeliveryAt: string | null;
                items: {
                  /** Format: uuid */
                  orderItemId: string;
                  quantity: number;
                }[];
                events: {
                  status: string;
                  at: string;
                }[];
                lastLocation: {
                  lat: number;
                  lng: number;
                  accuracy: number | null;
                  at: string;
                } | null;
                deliveryCode?: string | null;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              couponCode: string | null;
              pointsRedeemed: number;
              shippingMethod: string | null;
              shippingAddress: components['schemas']['PostalAddress'];
              billingAddress: components['schemas']['PostalAddress'];
              cancelReason: string | null;
              placedAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status history: from, to, who and why */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string | null;
              to: string;
              actorId: string | null;
              reason: string | null;
              metadata: {
                [key: string]: unknown;
              };
              at: string;
            }[];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/invoice': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** PDF invoice: the whole order, or one seller’s part (sellers get their own part) */
    get: {
      parameters: {
        query?: {
          sellerId?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All orders, newest first, by status or number (ADMIN) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?:
            | 'PENDING'
            | 'CONFIRMED'
            | 'PAID'
            | 'PROCESSING'
            | 'SHIPPED'
            | 'DELIVERED'
            | 'CANCELLED'
            | 'REFUNDED'
            | 'RETURNED';
          number?: string;
          /** @description Only this buyer's orders */
          userId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                status:
                  | 'PENDING'
                  | 'CONFIRMED'
                  | 'PAID'
                  | 'PROCESSING'
                  | 'SHIPPED'
                  | 'DELIVERED'
                  | 'CANCELLED'
                  | 'REFUNDED'
                  | 'RETURNED';
                paymentStatus: string;
                paymentProvider: string;
                email: string;
                userId: string | null;
                items: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  offerId: string;
                  /** Format: uuid */
                  productId: string;
                  /** Format: uuid */
                  sellerId: string;
                  name: string;
                  sku: string;
                  options: {
                    [key: string]: unknown;
                  };
                  imageUrl: string | null;
                  quantity: number;
                  unitPrice: components['schemas']['Money'];
                  discount: components['schemas']['Money'];
                  tax: components['schemas']['Money'];
                  total: components['schemas']['Money'];
                  /** @enum {string} */
                  fulfillmentStatus:
                    | 'PENDING'
                    | 'PROCESSING'
                    | 'SHIPPED'
                    | 'DELIVERED'
                    | 'CANCELLED'
                    | 'RETURNED';
                }[];
                /** @enum {string} */
                fulfillmentStatus:
                  | 'UNFULFILLED'
                  | 'PARTIALLY_SHIPPED'
                  | 'SHIPPED'
                  | 'PARTIALLY_DELIVERED'
                  | 'DELIVERED'
                  | 'RETURNED';
                shipments: {
                  /** Format: uuid */
                  id: string;
                  status: string;
                  carrier: string | null;
                  trackingNumber: string | null;
                  trackingUrl: string | null;
                  estimatedDeliveryAt: string | null;
                  items: {
                    /** Format: uuid */
                    orderItemId: string;
                    quantity: number;
                  }[];
                  events: {
                    status: string;
                    at: string;
                  }[];
                  lastLocation: {
                    lat: number;
                    lng: number;
                    accuracy: number | null;
                    at: string;
                  } | null;
                  deliveryCode?: string | null;
                }[];
                totals: {
                  subtotal: components['schemas']['Money'];
                  discount: components['schemas']['Money'];
                  tax: components['schemas']['Money'];
                  shipping: components['schemas']['Money'];
                  total: components['schemas']['Money'];
                };
                couponCode: string | null;
                pointsRedeemed: number;
                shippingMethod: string | null;
                shippingAddress: components['schemas']['PostalAddress'];
                billingAddress: components['schemas']['PostalAddress'];
                cancelReason: string | null;
                placedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/orders/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders placed between from and to: count, by status, revenue per currency (ADMIN) */
    get: {
      parameters: {
        query: {
          /** @description Start of the window (inclusive) */
          from: string;
          /** @description End of the window (exclusive); at most 366 days after from */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string;
              to: string;
              count: number;
              /** @description Totals of the orders placed in the window per currency, cancelled and refunded ones left out */
              revenue: components['schemas']['Money'][];
              byStatus: {
                /** @enum {string} */
                status:
                  | 'PENDING'
                  | 'CONFIRMED'
                  | 'PAID'
                  | 'PROCESSING'
                  | 'SHIPPED'
                  | 'DELIVERED'
                  | 'CANCELLED'
                  | 'REFUNDED'
                  | 'RETURNED';
                count: number;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/seller/order-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The seller’s order items, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                name: string;
                sku: string;
                options: {
                  [key: string]: unknown;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                total: components['schemas']['Money'];
                /** @enum {string} */
                fulfillmentStatus:
                  | 'PENDING'
                  | 'PROCESSING'
                  | 'SHIPPED'
                  | 'DELIVERED'
                  | 'CANCELLED'
                  | 'RETURNED';
                /** Format: uuid */
                orderId: string;
                orderNumber: string;
                placedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/tax-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tax rules (ADMIN) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                name: string;
                country: string;
                region: string | null;
                categoryId: string | null;
                rateBp: number;
                inclusive: boolean;
                active: boolean;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Add a tax rule (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            country: string;
            region?: string | null;
            categoryId?: string | null;
            rateBp: number;
            /** @default false */
            inclusive?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              country: string;
              region: string | null;
              categoryId: string | null;
              rateBp: number;
              inclusive: boolean;
              active: boolean;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/tax-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deactivate a tax rule (ADMIN) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              name: string;
              country: string;
              region: string | null;
              categoryId: string | null;
              rateBp: number;
              inclusive: boolean;
              active: boolean;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/shipping-methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a shipping method (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            name: string;
            /** @default 0 */
            flatAmount?: number;
            /** @default [] */
            weightBands?: {
              upToGrams: number;
              amount: number;
            }[];
            freeOverAmount?: number | null;
            countries?: string[] | null;
            /** @default false */
            isDefault?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string;
              name: string;
              flatAmount: components['schemas']['Money'];
              weightBands: {
                upToGrams: number;
                amount: number;
              }[];
              freeOverAmount: components['schemas']['Money'] | null;
              countries: string[] | null;
              isDefault: boolean;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/shipping-methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Shipping methods of this store */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
                flatAmount: components['schemas']['Money'];
                weightBands: {
                  upToGrams: number;
                  amount: number;
                }[];
                freeOverAmount: components['schemas']['Money'] | null;
                countries: string[] | null;
                isDefault: boolean;
              }[];
            };
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/orders/{id}/shipments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ship items of an order (ADMIN; a SELLER its own items): PENDING, or ASSIGNED with an agent; 409 for an item already shipped, a cancelled or unpaid order */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items?: {
              orderItemId: string;
              quantity: number;
            }[];
            carrier?: string;
            trackingNumber?: string;
            deliveryAgentId?: string;
            warehouseId?: string;
            /** Format: date-time */
            estimatedDeliveryAt?: string;
            weightGrams?: number;
            packageCount?: number;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              orderNumber: string;
              /** Format: uuid */
              sellerId: string;
              warehouseId: string | null;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'ASSIGNED'
                | 'PICKED_UP'
                | 'IN_TRANSIT'
                | 'DELIVERED'
                | 'FAILED'
                | 'RETURNED_TO_SENDER'
                | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
              }[];
              carrier: string | null;
              trackingNumber: string | null;
              trackingUrl: string | null;
              deliveryAgentId: string | null;
              codAmount: components['schemas']['Money'];
              codCollected: components['schemas']['Money'] | null;
              estimatedDeliveryAt: string | null;
              weightGrams: number | null;
              packageCount: number;
              address: components['schemas']['PostalAddress'];
              recipientName: string | null;
              proofPhotoUrl: string | null;
              failedAttempts: number;
              lastLocation: {
                lat: number;
                lng: number;
                accuracy: number | null;
                at: string;
              } | null;
              events: {
                status: string;
                at: string;
                by: string | null;
                location: {
                  lat: number;
                  lng: number;
                } | null;
                note: string | null;
              }[];
              createdAt: string;
              pickedUpAt: string | null;
              deliveredAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/shipments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store's shipments, newest first, by status, agent or order (ADMIN; a SELLER its own) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?:
            | 'PENDING'
            | 'ASSIGNED'
            | 'PICKED_UP'
            | 'IN_TRANSIT'
            | 'DELIVERED'
            | 'FAILED'
            | 'RETURNED_TO_SENDER'
            | 'CANCELLED';
          agentId?: string;
          orderId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orderId: string;
                orderNumber: string;
                /** Format: uuid */
                sellerId: string;
                warehouseId: string | null;
                /** @enum {string} */
                status:
                  | 'PENDING'
                  | 'ASSIGNED'
                  | 'PICKED_UP'
                  | 'IN_TRANSIT'
                  | 'DELIVERED'
                  | 'FAILED'
                  | 'RETURNED_TO_SENDER'
                  | 'CANCELLED';
                items: {
                  /** Format: uuid */
                  orderItemId: string;
                  /** Format: uuid */
                  offerId: string;
                  quantity: number;
                }[];
                carrier: string | null;
                trackingNumber: string | null;
                trackingUrl: string | null;
                deliveryAgentId: string | null;
                codAmount: components['schemas']['Money'];
                codCollected: components['schemas']['Money'] | null;
                estimatedDeliveryAt: string | null;
                weightGrams: number | null;
                packageCount: number;
                address: components['schemas']['PostalAddress'];
                recipientName: string | null;
                proofPhotoUrl: string | null;
                failedAttempts: number;
                lastLocation: {
                  lat: number;
                  lng: number;
                  accuracy: number | null;
                  at: string;
                } | null;
                events: {
                  status: string;
                  at: string;
                  by: string | null;
                  location: {
                    lat: number;
                    lng: number;
                  } | null;
                  note: string | null;
                }[];
                createdAt: string;
                pickedUpAt: string | null;
                deliveredAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/shipments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A shipment with its events (ADMIN; the SELLER that ships it) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              orderNumber: string;
              /** Format: uuid */
              sellerId: string;
              warehouseId: string | null;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'ASSIGNED'
                | 'PICKED_UP'
                | 'IN_TRANSIT'
                | 'DELIVERED'
                | 'FAILED'
                | 'RETURNED_TO_SENDER'
                | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
              }[];
              carrier: string | null;
              trackingNumber: string | null;
              trackingUrl: string | null;
              deliveryAgentId: string | null;
              codAmount: components['schemas']['Money'];
              codCollected: components['schemas']['Money'] | null;
              estimatedDeliveryAt: string | null;
              weightGrams: number | null;
              packageCount: number;
              address: components['schemas']['PostalAddress'];
              recipientName: string | null;
              proofPhotoUrl: string | null;
              failedAttempts: number;
              lastLocation: {
                lat: number;
                lng: number;
                accuracy: number | null;
                at: string;
              } | null;
              events: {
                status: string;
                at: string;
                by: string | null;
                location: {
                  lat: number;
                  lng: number;
                } | null;
                note: string | null;
              }[];
              createdAt: string;
              pickedUpAt: string | null;
              deliveredAt: string | null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/shipments/{id}/track': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A shipment's GPS track, oldest point first (ADMIN; the SELLER that ships it; its agent) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              points: {
                lat: number;
                lng: number;
                accuracy: number | null;
                at: string;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/shipments/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give a PENDING, ASSIGNED or FAILED shipment to an agent, or to the nearest available agent of its zone with the fewest open deliveries (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            deliveryAgentId?: string;
            note?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              orderNumber: string;
              /** Format: uuid */
              sellerId: string;
              warehouseId: string | null;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'ASSIGNED'
                | 'PICKED_UP'
                | 'IN_TRANSIT'
                | 'DELIVERED'
                | 'FAILED'
                | 'RETURNED_TO_SENDER'
                | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
              }[];
              carrier: string | null;
              trackingNumber: string | null;
              trackingUrl: string | null;
              deliveryAgentId: string | null;
              codAmount: components['schemas']['Money'];
              codCollected: components['schemas']['Money'] | null;
              estimatedDeliveryAt: string | null;
              weightGrams: number | null;
              packageCount: number;
              address: components['schemas']['PostalAddress'];
              recipientName: string | null;
              proofPhotoUrl: string | null;
              failedAttempts: number;
              lastLocation: {
                lat: number;
                lng: number;
                accuracy: number | null;
                at: string;
              } | null;
              events: {
                status: string;
                at: string;
                by: string | null;
                location: {
                  lat: number;
                  lng: number;
                } | null;
                note: string | null;
              }[];
              createdAt: string;
              pickedUpAt: string | null;
              deliveredAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/shipments/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report a step of a shipment a courier carries (ADMIN; the SELLER that ships it); 409 for a step the state machine refuses */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'PICKED_UP' | 'IN_TRANSIT' | 'DELIVERED' | 'FAILED' | 'RETURNED_TO_SENDER';
            location?: {
              lat: number;
              lng: number;
              accuracy?: number;
            };
            codCollected?: {
              amount: number;
              currency: string;
            };
            deliveryCode?: string;
            note?: string;
            recipientName?: string;
            /** Format: uri */
            photoUrl?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              orderNumber: string;
              /** Format: uuid */
              sellerId: string;
              warehouseId: string | null;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'ASSIGNED'
                | 'PICKED_UP'
                | 'IN_TRANSIT'
                | 'DELIVERED'
                | 'FAILED'
                | 'RETURNED_TO_SENDER'
                | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
              }[];
              carrier: string | null;
              trackingNumber: string | null;
              trackingUrl: string | null;
              deliveryAgentId: string | null;
              codAmount: components['schemas']['Money'];
              codCollected: components['schemas']['Money'] | null;
              estimatedDeliveryAt: string | null;
              weightGrams: number | null;
              packageCount: number;
              address: components['schemas']['PostalAddress'];
              recipientName: string | null;
              proofPhotoUrl: string | null;
              failedAttempts: number;
              lastLocation: {
                lat: number;
                lng: number;
                accuracy: number | null;
                at: string;
              } | null;
              events: {
                status: string;
                at: string;
                by: string | null;
                location: {
                  lat: number;
                  lng: number;
                } | null;
                note: string | null;
              }[];
              createdAt: string;
              pickedUpAt: string | null;
              deliveredAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/shipments/{id}/receive-back': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A FAILED or returned parcel is back: its units return to stock, sellable or damaged (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default SELLABLE
             * @enum {string}
             */
            condition?: 'SELLABLE' | 'DAMAGED';
            note?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              orderNumber: string;
              /** Format: uuid */
              sellerId: string;
              warehouseId: string | null;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'ASSIGNED'
                | 'PICKED_UP'
                | 'IN_TRANSIT'
                | 'DELIVERED'
                | 'FAILED'
                | 'RETURNED_TO_SENDER'
                | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
              }[];
              carrier: string | null;
              trackingNumber: string | null;
              trackingUrl: string | null;
              deliveryAgentId: string | null;
              codAmount: components['schemas']['Money'];
              codCollected: components['schemas']['Money'] | null;
              estimatedDeliveryAt: string | null;
              weightGrams: number | null;
              packageCount: number;
              address: components['schemas']['PostalAddress'];
              recipientName: string | null;
              proofPhotoUrl: string | null;
              failedAttempts: number;
              lastLocation: {
                lat: number;
                lng: number;
                accuracy: number | null;
                at: string;
              } | null;
              events: {
                status: string;
                at: string;
                by: string | null;
                location: {
                  lat: number;
                  lng: number;
                } | null;
                note: string | null;
              }[];
              createdAt: string;
              pickedUpAt: string | null;
              deliveredAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The calling agent's deliveries (open ones unless scope=all), none of anyone else's */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          scope?: 'open' | 'all';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orderId: string;
                orderNumber: string;
                /** @enum {string} */
                status:
                  | 'PENDING'
                  | 'ASSIGNED'
                  | 'PICKED_UP'
                  | 'IN_TRANSIT'
                  | 'DELIVERED'
                  | 'FAILED'
                  | 'RETURNED_TO_SENDER'
                  | 'CANCELLED';
                address: components['schemas']['PostalAddress'];
                codAmount: components['schemas']['Money'];
                packageCount: number;
                deliveryCodeRequired: boolean;
                assignedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent/deliveries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the calling agent’s deliveries; 404 for anyone else’s */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              orderNumber: string;
              /** Format: uuid */
              sellerId: string;
              warehouseId: string | null;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'ASSIGNED'
                | 'PICKED_UP'
                | 'IN_TRANSIT'
                | 'DELIVERED'
                | 'FAILED'
                | 'RETURNED_TO_SENDER'
                | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
              }[];
              carrier: string | null;
              trackingNumber: string | null;
              trackingUrl: string | null;
              deliveryAgentId: string | null;
              codAmount: components['schemas']['Money'];
              codCollected: components['schemas']['Money'] | null;
              estimatedDeliveryAt: string | null;
              weightGrams: number | null;
              packageCount: number;
              address: components['schemas']['PostalAddress'];
              recipientName: string | null;
              proofPhotoUrl: string | null;
              failedAttempts: number;
              lastLocation: {
                lat: number;
                lng: number;
                accuracy: number | null;
                at: string;
              } | null;
              events: {
                status: string;
                at: string;
                by: string | null;
                location: {
                  lat: number;
                  lng: number;
                } | null;
                note: string | null;
              }[];
              createdAt: string;
              pickedUpAt: string | null;
              deliveredAt: string | null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent/deliveries/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The assigned agent reports PICKED_UP, IN_TRANSIT, DELIVERED (with the cash collected on a COD shipment, and the code where the store asks for one) or FAILED */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'PICKED_UP' | 'IN_TRANSIT' | 'DELIVERED' | 'FAILED';
            location?: {
              lat: number;
              lng: number;
              accuracy?: number;
            };
            codCollected?: {
              amount: number;
              currency: string;
            };
            deliveryCode?: string;
            note?: string;
            recipientName?: string;
            /** Format: uri */
            photoUrl?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              orderNumber: string;
              /** Format: uuid */
              sellerId: string;
              warehouseId: string | null;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'ASSIGNED'
                | 'PICKED_UP'
                | 'IN_TRANSIT'
                | 'DELIVERED'
                | 'FAILED'
                | 'RETURNED_TO_SENDER'
                | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
              }[];
              carrier: string | null;
              trackingNumber: string | null;
              trackingUrl: string | null;
              deliveryAgentId: string | null;
              codAmount: components['schemas']['Money'];
              codCollected: components['schemas']['Money'] | null;
              estimatedDeliveryAt: string | null;
              weightGrams: number | null;
              packageCount: number;
              address: components['schemas']['PostalAddress'];
              recipientName: string | null;
              proofPhotoUrl: string | null;
              failedAttempts: number;
              lastLocation: {
                lat: number;
                lng: number;
                accuracy: number | null;
                at: string;
              } | null;
              events: {
                status: string;
                at: string;
                by: string | null;
                location: {
                  lat: number;
                  lng: number;
                } | null;
                note: string | null;
              }[];
              createdAt: string;
              pickedUpAt: string | null;
              deliveredAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent/deliveries/{id}/location': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The assigned agent reports where it is while the shipment is on the road; the newest report is the last location */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            lat: number;
            lng: number;
            accuracy?: number;
            /** Format: date-time */
            at?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accepted: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent/deliveries/{id}/locations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The assigned agent reports up to 100 points at once (kept while offline, or batched); the newest is the last location */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            points: {
              lat: number;
              lng: number;
              accuracy?: number;
              /** Format: date-time */
              at?: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accepted: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The calling agent's profile, load and last location */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              vehicle: string | null;
              zone: string | null;
              phone: string | null;
              available: boolean;
              openDeliveries: number;
              lastLocation: {
                lat: number;
                lng: number;
                at: string;
              } | null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** The calling agent goes on or off duty (the automatic assignment takes agents on duty) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            available: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              vehicle: string | null;
              zone: string | null;
              phone: string | null;
              available: boolean;
              openDeliveries: number;
              lastLocation: {
                lat: number;
                lng: number;
                at: string;
              } | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/delivery-agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store's delivery agents with their open deliveries (ADMIN) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          zone?: string;
          available?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                userId: string;
                vehicle: string | null;
                zone: string | null;
                phone: string | null;
                available: boolean;
                openDeliveries: number;
                lastLocation: {
                  lat: number;
                  lng: number;
                  at: string;
                } | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/delivery-agents/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a delivery agent’s vehicle, zone, phone and availability (ADMIN); 404 unless the user is an agent */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            vehicle?: string | null;
            zone?: string | null;
            phone?: string | null;
            available?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              userId: string;
              vehicle: string | null;
              zone: string | null;
              phone: string | null;
              available: boolean;
              openDeliveries: number;
              lastLocation: {
                lat: number;
                lng: number;
                at: string;
              } | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/carriers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store's carriers and their tracking links (ADMIN, SELLER) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                name: string;
                trackingUrlTemplate: string | null;
                active: boolean;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/carriers/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Add or change a carrier; its tracking link is an https template with {trackingNumber} (ADMIN) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            trackingUrlTemplate?: string | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              name: string;
              trackingUrlTemplate: string | null;
              active: boolean;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/track': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Track an order by its number and the buyer's email; 404 unless both match */
    get: {
      parameters: {
        query: {
          order: string;
          email: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orderNumber: string;
              orderStatus: string;
              shipments: {
                /** Format: uuid */
                id: string;
                status: string;
                carrier: string | null;
                trackingNumber: string | null;
                trackingUrl: string | null;
                estimatedDeliveryAt: string | null;
                items: {
                  /** Format: uuid */
                  orderItemId: string;
                  quantity: number;
                }[];
                events: {
                  status: string;
                  at: string;
                }[];
                lastLocation: {
                  lat: number;
                  lng: number;
                  accuracy: number | null;
                  at: string;
                } | null;
                deliveryCode?: string | null;
              }[];
              trackingToken: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/track/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Track an order by its signed tracking token (every tracking answer carries one, for links) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orderNumber: string;
              orderStatus: string;
              shipments: {
                /** Format: uuid */
                id: string;
                status: string;
                carrier: string | null;
                trackingNumber: string | null;
                trackingUrl: string | null;
                estimatedDeliveryAt: string | null;
                items: {
                  /** Format: uuid */
                  orderItemId: string;
                  quantity: number;
                }[];
                events: {
                  status: string;
                  at: string;
                }[];
                lastLocation: {
                  lat: number;
                  lng: number;
                  accuracy: number | null;
                  at: string;
                } | null;
                deliveryCode?: string | null;
              }[];
              trackingToken: string;
            };
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/delivery-agents/{userId}/cash': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The cash an agent holds per currency (collected minus remitted) and its collections that differ from what was due (ADMIN) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              agentId: string;
              balances: {
                currency: string;
                collected: components['schemas']['Money'];
                remitted: components['schemas']['Money'];
                outstanding: components['schemas']['Money'];
              }[];
              discrepancies: {
                /** Format: uuid */
                shipmentId: string;
                /** Format: uuid */
                orderId: string;
                due: components['schemas']['Money'];
                collected: components['schemas']['Money'];
                difference: components['schemas']['Money'];
                collectedAt: string;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/agent/cash': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The cash the calling agent holds per currency, and its collections that differ from what was due */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              agentId: string;
              balances: {
                currency: string;
                collected: components['schemas']['Money'];
                remitted: components['schemas']['Money'];
                outstanding: components['schemas']['Money'];
              }[];
              discrepancies: {
                /** Format: uuid */
                shipmentId: string;
                /** Format: uuid */
                orderId: string;
                due: components['schemas']['Money'];
                collected: components['schemas']['Money'];
                difference: components['schemas']['Money'];
                collectedAt: string;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/delivery-agents/{userId}/remittances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agent's remittances, newest first (ADMIN) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                agentId: string;
                amount: components['schemas']['Money'];
                /** @enum {string} */
                method: 'CASH' | 'BANK_TRANSFER' | 'UPI' | 'OTHER';
                reference: string | null;
                note: string | null;
                recordedBy: string | null;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Record cash an agent hands in (ADMIN); 409 for more than the agent holds in that currency */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            amount: {
              amount: number;
              currency: string;
            };
            /** @enum {string} */
            method: 'CASH' | 'BANK_TRANSFER' | 'UPI' | 'OTHER';
            reference?: string;
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agentId: string;
              amount: components['schemas']['Money'];
              /** @enum {string} */
              method: 'CASH' | 'BANK_TRANSFER' | 'UPI' | 'OTHER';
              reference: string | null;
              note: string | null;
              recordedBy: string | null;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/cod/reconciliation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cash on delivery per agent and UTC day: due, collected, remitted, discrepancy and outstanding, with totals (ADMIN; at most 92 days) */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          agentId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string;
              to: string;
              rows: {
                date: string;
                agentId: string;
                currency: string;
                due: components['schemas']['Money'];
                collected: components['schemas']['Money'];
                remitted: components['schemas']['Money'];
                discrepancy: components['schemas']['Money'];
                outstanding: components['schemas']['Money'];
                deliveries: number;
              }[];
              totals: {
                currency: string;
                due: components['schemas']['Money'];
                collected: components['schemas']['Money'];
                remitted: components['schemas']['Money'];
                discrepancy: components['schemas']['Money'];
                outstanding: components['schemas']['Money'];
                deliveries: number;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/cod/reconciliation.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The cash-on-delivery reconciliation as CSV, amounts in minor units (ADMIN; at most 92 days) */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          agentId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The buyer asks to return delivered units, with a reason; 409 past the store's window or for more than was delivered, 404 for another's order */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items: {
              orderItemId: string;
              quantity: number;
            }[];
            reason?: string;
            reasonCode?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              /** @enum {string} */
              status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
                condition: ('SELLABLE' | 'DAMAGED') | null;
              }[];
              reason: string;
              reasonCode: string | null;
              decisionNote: string | null;
              refundAmount: components['schemas']['Money'] | null;
              createdAt: string;
              decidedAt: string | null;
              receivedAt: string | null;
              refundedAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's returns, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
          /** @description Only this order's returns */
          orderId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orderId: string;
                /** @enum {string} */
                status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
                items: {
                  /** Format: uuid */
                  orderItemId: string;
                  /** Format: uuid */
                  offerId: string;
                  quantity: number;
                  condition: ('SELLABLE' | 'DAMAGED') | null;
                }[];
                reason: string;
                reasonCode: string | null;
                decisionNote: string | null;
                refundAmount: components['schemas']['Money'] | null;
                createdAt: string;
                decidedAt: string | null;
                receivedAt: string | null;
                refundedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/returns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A return (its buyer, ADMIN); 404 for anyone else */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              /** @enum {string} */
              status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
                condition: ('SELLABLE' | 'DAMAGED') | null;
              }[];
              reason: string;
              reasonCode: string | null;
              decisionNote: string | null;
              refundAmount: components['schemas']['Money'] | null;
              createdAt: string;
              decidedAt: string | null;
              receivedAt: string | null;
              refundedAt: string | null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/returns/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The buyer withdraws a REQUESTED return (ADMIN also an APPROVED one); 409 otherwise */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              /** @enum {string} */
              status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
                condition: ('SELLABLE' | 'DAMAGED') | null;
              }[];
              reason: string;
              reasonCode: string | null;
              decisionNote: string | null;
              refundAmount: components['schemas']['Money'] | null;
              createdAt: string;
              decidedAt: string | null;
              receivedAt: string | null;
              refundedAt: string | null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store's returns, newest first, by status or order (ADMIN) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
          /** @description Only this order's returns */
          orderId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orderId: string;
                /** @enum {string} */
                status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
                items: {
                  /** Format: uuid */
                  orderItemId: string;
                  /** Format: uuid */
                  offerId: string;
                  quantity: number;
                  condition: ('SELLABLE' | 'DAMAGED') | null;
                }[];
                reason: string;
                reasonCode: string | null;
                decisionNote: string | null;
                refundAmount: components['schemas']['Money'] | null;
                createdAt: string;
                decidedAt: string | null;
                receivedAt: string | null;
                refundedAt: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/returns/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a REQUESTED return, with a note (ADMIN with orders:refund) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              /** @enum {string} */
              status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
                condition: ('SELLABLE' | 'DAMAGED') | null;
              }[];
              reason: string;
              reasonCode: string | null;
              decisionNote: string | null;
              refundAmount: components['schemas']['Money'] | null;
              createdAt: string;
              decidedAt: string | null;
              receivedAt: string | null;
              refundedAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/returns/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a REQUESTED return, with a note (ADMIN with orders:refund) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              /** @enum {string} */
              status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
                condition: ('SELLABLE' | 'DAMAGED') | null;
              }[];
              reason: string;
              reasonCode: string | null;
              decisionNote: string | null;
              refundAmount: components['schemas']['Money'] | null;
              createdAt: string;
              decidedAt: string | null;
              receivedAt: string | null;
              refundedAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/returns/{id}/receive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An APPROVED return is back: its units return to stock (RETURN movements), sellable unless named DAMAGED; items wholly returned become RETURNED (ADMIN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items?: {
              orderItemId: string;
              /** @enum {string} */
              condition: 'SELLABLE' | 'DAMAGED';
            }[];
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              /** @enum {string} */
              status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
                condition: ('SELLABLE' | 'DAMAGED') | null;
              }[];
              reason: string;
              reasonCode: string | null;
              decisionNote: string | null;
              refundAmount: components['schemas']['Money'] | null;
              createdAt: string;
              decidedAt: string | null;
              receivedAt: string | null;
              refundedAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/returns/{id}/refund': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund a RECEIVED return: by default what its lines were paid, never more; once per return (ADMIN with orders:refund) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            amount?: {
              amount: number;
              currency: string;
            };
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              orderId: string;
              /** @enum {string} */
              status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'RECEIVED' | 'REFUNDED' | 'CANCELLED';
              items: {
                /** Format: uuid */
                orderItemId: string;
                /** Format: uuid */
                offerId: string;
                quantity: number;
                condition: ('SELLABLE' | 'DAMAGED') | null;
              }[];
              reason: string;
              reasonCode: string | null;
              decisionNote: string | null;
              refundAmount: components['schemas']['Money'] | null;
              createdAt: string;
              decidedAt: string | null;
              receivedAt: string | null;
              refundedAt: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My in-app notifications, newest first, with the unread count */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Notification'][];
              nextCursor: string | null;
              unreadCount: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many of my in-app notifications are unread */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              unreadCount: number;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of my notifications read; 404 for anyone else’s */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Notification'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark all my notifications read */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              updated: number;
              unreadCount: number;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/notification-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My channels per type, quiet hours and language */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NotificationPreferences'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Replace my notification preferences (security messages cannot be turned off) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channels: {
              email: boolean;
              sms: boolean;
              push: boolean;
              inApp: boolean;
            };
            quietHours?: {
              start: string;
              end: string;
              timeZone: string;
            } | null;
            language?: string | null;
            types?: {
              [key: string]: {
                email?: boolean;
                sms?: boolean;
                push?: boolean;
                inApp?: boolean;
              };
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NotificationPreferences'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/notification-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every template: the store’s newest version, or the shipped default */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['NotificationTemplate'][];
              nextCursor: null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/notification-templates/{type}/{channel}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A template and its saved versions, newest first */
    get: {
      parameters: {
        query?: {
          language?: string;
        };
        header?: never;
        path: {
          type:
            | 'ACCOUNT_WELCOME'
            | 'EMAIL_VERIFICATION'
            | 'PASSWORD_RESET'
            | 'SIGN_IN_CODE'
            | 'STAFF_INVITATION'
            | 'ORDER_PLACED'
            | 'ORDER_PAID'
            | 'ORDER_CANCELLED'
            | 'ORDER_REFUNDED'
            | 'ORDER_SHIPPED'
            | 'ORDER_OUT_FOR_DELIVERY'
            | 'ORDER_DELIVERED'
            | 'RETURN_UPDATED'
            | 'PAYMENT_FAILED'
            | 'LOW_STOCK'
            | 'SELLER_APPLICATION_DECIDED'
            | 'SELLER_NEW_ORDER_ITEM'
            | 'REVIEW_REPLY'
            | 'CAMPAIGN';
          channel: 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              current: components['schemas']['NotificationTemplate'];
              versions: components['schemas']['NotificationTemplate'][];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Save a template as a new version; 400 with the line and reason if it does not render */
    put: {
      parameters: {
        query?: {
          language?: string;
        };
        header?: never;
        path: {
          type:
            | 'ACCOUNT_WELCOME'
            | 'EMAIL_VERIFICATION'
            | 'PASSWORD_RESET'
            | 'SIGN_IN_CODE'
            | 'STAFF_INVITATION'
            | 'ORDER_PLACED'
            | 'ORDER_PAID'
            | 'ORDER_CANCELLED'
            | 'ORDER_REFUNDED'
            | 'ORDER_SHIPPED'
            | 'ORDER_OUT_FOR_DELIVERY'
            | 'ORDER_DELIVERED'
            | 'RETURN_UPDATED'
            | 'PAYMENT_FAILED'
            | 'LOW_STOCK'
            | 'SELLER_APPLICATION_DECIDED'
            | 'SELLER_NEW_ORDER_ITEM'
            | 'REVIEW_REPLY'
            | 'CAMPAIGN';
          channel: 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            subject?: string | null;
            body: string;
            html?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NotificationTemplate'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/notification-templates/{type}/{channel}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Render a template (the body given, or the current one) with sample data */
    post: {
      parameters: {
        query?: {
          language?: string;
        };
        header?: never;
        path: {
          type:
            | 'ACCOUNT_WELCOME'
            | 'EMAIL_VERIFICATION'
            | 'PASSWORD_RESET'
            | 'SIGN_IN_CODE'
            | 'STAFF_INVITATION'
            | 'ORDER_PLACED'
            | 'ORDER_PAID'
            | 'ORDER_CANCELLED'
            | 'ORDER_REFUNDED'
            | 'ORDER_SHIPPED'
            | 'ORDER_OUT_FOR_DELIVERY'
            | 'ORDER_DELIVERED'
            | 'RETURN_UPDATED'
            | 'PAYMENT_FAILED'
            | 'LOW_STOCK'
            | 'SELLER_APPLICATION_DECIDED'
            | 'SELLER_NEW_ORDER_ITEM'
            | 'REVIEW_REPLY'
            | 'CAMPAIGN';
          channel: 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            subject?: string | null;
            body?: string;
            html?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              subject: string | null;
              body: string;
              html: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/notification-templates/{type}/{channel}/revert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Save the shipped default again as the newest version */
    post: {
      parameters: {
        query?: {
          language?: string;
        };
        header?: never;
        path: {
          type:
            | 'ACCOUNT_WELCOME'
            | 'EMAIL_VERIFICATION'
            | 'PASSWORD_RESET'
            | 'SIGN_IN_CODE'
            | 'STAFF_INVITATION'
            | 'ORDER_PLACED'
            | 'ORDER_PAID'
            | 'ORDER_CANCELLED'
            | 'ORDER_REFUNDED'
            | 'ORDER_SHIPPED'
            | 'ORDER_OUT_FOR_DELIVERY'
            | 'ORDER_DELIVERED'
            | 'RETURN_UPDATED'
            | 'PAYMENT_FAILED'
            | 'LOW_STOCK'
            | 'SELLER_APPLICATION_DECIDED'
            | 'SELLER_NEW_ORDER_ITEM'
            | 'REVIEW_REPLY'
            | 'CAMPAIGN';
          channel: 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NotificationTemplate'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The delivery log: the store’s messages, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'QUEUED' | 'SENT' | 'DELIVERED' | 'FAILED' | 'BOUNCED';
          channel?: 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';
          type?:
            | 'ACCOUNT_WELCOME'
            | 'EMAIL_VERIFICATION'
            | 'PASSWORD_RESET'
            | 'SIGN_IN_CODE'
            | 'STAFF_INVITATION'
            | 'ORDER_PLACED'
            | 'ORDER_PAID'
            | 'ORDER_CANCELLED'
            | 'ORDER_REFUNDED'
            | 'ORDER_SHIPPED'
            | 'ORDER_OUT_FOR_DELIVERY'
            | 'ORDER_DELIVERED'
            | 'RETURN_UPDATED'
            | 'PAYMENT_FAILED'
            | 'LOW_STOCK'
            | 'SELLER_APPLICATION_DECIDED'
            | 'SELLER_NEW_ORDER_ITEM'
            | 'REVIEW_REPLY'
            | 'CAMPAIGN';
          recipient?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                userId: string | null;
                recipient: string;
                /** @enum {string} */
                channel: 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';
                type: string;
                language: string;
                templateVersion: number;
                subject: string | null;
                priority: string;
                status: string;
                attempts: number;
                providerMessageId: string | null;
                error: string | null;
                /** Format: date-time */
                scheduledAt: string;
                sentAt: string | null;
                deliveredAt: string | null;
                openedAt: string | null;
                clickedAt: string | null;
                readAt: string | null;
                /** Format: date-time */
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/open.gif': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The open-tracking pixel of a mail (a 1×1 GIF whatever the token) */
    get: {
      parameters: {
        query: {
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/click': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A tracked link of a mail: records the click and redirects (302); 404 for a forged token */
    get: {
      parameters: {
        query: {
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/unsubscribe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The unsubscribe page of a mail: a button that confirms (no sign-in) */
    get: {
      parameters: {
        query: {
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Turn off the mail of the link’s type for its recipient (no sign-in; also the one-click POST of List-Unsubscribe); 404 for a forged token */
    post: {
      parameters: {
        query: {
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'unsubscribed';
              type: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/push/vapid-public-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The key browsers subscribe to web push with */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              publicKey: string;
            };
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/push-subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Subscribe this device to web push (the browser's PushSubscription) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uri */
            endpoint: string;
            expirationTime?: number | null;
            keys: {
              p256dh: string;
              auth: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              endpoint: string;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Unsubscribe a device from web push */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uri */
            endpoint: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/webhooks/sms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** SMS delivery report (Twilio status callback, signature checked) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/webhooks/email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mail bounce or complaint (HMAC-SHA256 with the shared secret) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/products/{idOrSlug}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product’s published reviews, with its average, count and histogram */
    get: {
      parameters: {
        query?: {
          sort?: 'newest' | 'highest' | 'lowest' | 'helpful';
          stars?: number;
          verified?: 'true' | 'false';
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          idOrSlug: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                productId: string;
                rating: number;
                title: string | null;
                body: string | null;
                deliveryRating: number | null;
                sellerRating: number | null;
                images: string[];
                verifiedPurchase: boolean;
                author: {
                  name: string;
                };
                sellerId: string;
                helpfulCount: number;
                notHelpfulCount: number;
                createdAt: string;
                updatedAt: string;
                reply: {
                  body: string;
                  createdAt: string;
                  updatedAt: string;
                } | null;
                myVote: ('helpful' | 'not_helpful') | null;
              }[];
              nextCursor: string | null;
              summary: {
                average: number;
                count: number;
                histogram: {
                  1: number;
                  2: number;
                  3: number;
                  4: number;
                  5: number;
                };
              };
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Review a product you received
     * @description 403 `purchase-required` without a delivered order item of the product (unless the store allows unverified reviews); 409 `review-exists` for a second review.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          idOrSlug: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The product, 1–5 stars. */
            rating: number;
            title?: string;
            /** @description Stored and returned as given: plain text, never rendered as HTML. */
            body?: string;
            /** @description The delivery, 1–5 stars. */
            deliveryRating?: number;
            /** @description The seller, 1–5 stars. */
            sellerRating?: number;
            images?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              productId: string;
              rating: number;
              title: string | null;
              body: string | null;
              deliveryRating: number | null;
              sellerRating: number | null;
              images: string[];
              verifiedPurchase: boolean;
              author: {
                name: string;
              };
              sellerId: string;
              helpfulCount: number;
              notHelpfulCount: number;
              createdAt: string;
              updatedAt: string;
              reply: {
                body: string;
                createdAt: string;
                updatedAt: string;
              } | null;
              myVote: ('helpful' | 'not_helpful') | null;
              /** @enum {string} */
              status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
              heldFor: ('words' | 'links')[];
              rejectionReason: string | null;
              reportCount: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove your review */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change your review (it waits for staff again when the store moderates) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The product, 1–5 stars. */
            rating?: number;
            title?: string;
            /** @description Stored and returned as given: plain text, never rendered as HTML. */
            body?: string;
            /** @description The delivery, 1–5 stars. */
            deliveryRating?: number;
            /** @description The seller, 1–5 stars. */
            sellerRating?: number;
            images?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              productId: string;
              rating: number;
              title: string | null;
              body: string | null;
              deliveryRating: number | null;
              sellerRating: number | null;
              images: string[];
              verifiedPurchase: boolean;
              author: {
                name: string;
              };
              sellerId: string;
              helpfulCount: number;
              notHelpfulCount: number;
              createdAt: string;
              updatedAt: string;
              reply: {
                body: string;
                createdAt: string;
                updatedAt: string;
              } | null;
              myVote: ('helpful' | 'not_helpful') | null;
              /** @enum {string} */
              status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
              heldFor: ('words' | 'links')[];
              rejectionReason: string | null;
              reportCount: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/me/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your reviews in every status but removed, newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                productId: string;
                rating: number;
                title: string | null;
                body: string | null;
                deliveryRating: number | null;
                sellerRating: number | null;
                images: string[];
                verifiedPurchase: boolean;
                author: {
                  name: string;
                };
                sellerId: string;
                helpfulCount: number;
                notHelpfulCount: number;
                createdAt: string;
                updatedAt: string;
                reply: {
                  body: string;
                  createdAt: string;
                  updatedAt: string;
                } | null;
                myVote: ('helpful' | 'not_helpful') | null;
                /** @enum {string} */
                status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
                heldFor: ('words' | 'links')[];
                rejectionReason: string | null;
                reportCount: number;
                product: {
                  id: string;
                  slug: string;
                  name: string;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews/{id}/vote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Vote a review helpful or not (not your own) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            helpful: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              helpfulCount: number;
              notHelpfulCount: number;
              myVote: ('helpful' | 'not_helpful') | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /** Withdraw your vote */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              helpfulCount: number;
              notHelpfulCount: number;
              myVote: ('helpful' | 'not_helpful') | null;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews/{id}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report a review to the store’s staff (once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            reason: 'spam' | 'offensive' | 'off_topic' | 'fake' | 'other';
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reviews/{id}/reply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Reply to a review of your offer (or as staff, any review); replaces an earlier reply */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              productId: string;
              rating: number;
              title: string | null;
              body: string | null;
              deliveryRating: number | null;
              sellerRating: number | null;
              images: string[];
              verifiedPurchase: boolean;
              author: {
                name: string;
              };
              sellerId: string;
              helpfulCount: number;
              notHelpfulCount: number;
              createdAt: string;
              updatedAt: string;
              reply: {
                body: string;
                createdAt: string;
                updatedAt: string;
              } | null;
              myVote: ('helpful' | 'not_helpful') | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /** Remove the reply to a review */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sellers/{sellerId}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A seller’s published reviews, with its seller and delivery ratings */
    get: {
      parameters: {
        query?: {
          sort?: 'newest' | 'highest' | 'lowest' | 'helpful';
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          sellerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                productId: string;
                rating: number;
                title: string | null;
                body: string | null;
                deliveryRating: number | null;
                sellerRating: number | null;
                images: string[];
                verifiedPurchase: boolean;
                author: {
                  name: string;
                };
                sellerId: string;
                helpfulCount: number;
                notHelpfulCount: number;
                createdAt: string;
                updatedAt: string;
                reply: {
                  body: string;
                  createdAt: string;
                  updatedAt: string;
                } | null;
                myVote: ('helpful' | 'not_helpful') | null;
              }[];
              nextCursor: string | null;
              summary: {
                sellerRating: {
                  average: number;
                  count: number;
                };
                deliveryRating: {
                  average: number;
                  count: number;
                };
              };
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/seller/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The reviews of your offers, answered or not (SELLER) */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          replied?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                productId: string;
                rating: number;
                title: string | null;
                body: string | null;
                deliveryRating: number | null;
                sellerRating: number | null;
                images: string[];
                verifiedPurchase: boolean;
                author: {
                  name: string;
                };
                sellerId: string;
                helpfulCount: number;
                notHelpfulCount: number;
                createdAt: string;
                updatedAt: string;
                reply: {
                  body: string;
                  createdAt: string;
                  updatedAt: string;
                } | null;
                myVote: ('helpful' | 'not_helpful') | null;
                product: {
                  id: string;
                  slug: string;
                  name: string;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The moderation queue: reviews by status, PENDING oldest first (staff) */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          status?: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
          reported?: 'true' | 'false';
          productId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                productId: string;
                rating: number;
                title: string | null;
                body: string | null;
                deliveryRating: number | null;
                sellerRating: number | null;
                images: string[];
                verifiedPurchase: boolean;
                author: {
                  name: string;
                };
                sellerId: string;
                helpfulCount: number;
                notHelpfulCount: number;
                createdAt: string;
                updatedAt: string;
                reply: {
                  body: string;
                  createdAt: string;
                  updatedAt: string;
                } | null;
                myVote: ('helpful' | 'not_helpful') | null;
                /** @enum {string} */
                status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
                heldFor: ('words' | 'links')[];
                rejectionReason: string | null;
                reportCount: number;
                product: {
                  id: string;
                  slug: string;
                  name: string;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reviews/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A review with its reports (staff) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              productId: string;
              rating: number;
              title: string | null;
              body: string | null;
              deliveryRating: number | null;
              sellerRating: number | null;
              images: string[];
              verifiedPurchase: boolean;
              author: {
                name: string;
              };
              sellerId: string;
              helpfulCount: number;
              notHelpfulCount: number;
              createdAt: string;
              updatedAt: string;
              reply: {
                body: string;
                createdAt: string;
                updatedAt: string;
              } | null;
              myVote: ('helpful' | 'not_helpful') | null;
              /** @enum {string} */
              status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
              heldFor: ('words' | 'links')[];
              rejectionReason: string | null;
              reportCount: number;
              product: {
                id: string;
                slug: string;
                name: string;
              };
              reports: {
                /** @enum {string} */
                reason: 'spam' | 'offensive' | 'off_topic' | 'fake' | 'other';
                note: string | null;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reviews/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a pending, rejected or hidden review (staff) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              productId: string;
              rating: number;
              title: string | null;
              body: string | null;
              deliveryRating: number | null;
              sellerRating: number | null;
              images: string[];
              verifiedPurchase: boolean;
              author: {
                name: string;
              };
              sellerId: string;
              helpfulCount: number;
              notHelpfulCount: number;
              createdAt: string;
              updatedAt: string;
              reply: {
                body: string;
                createdAt: string;
                updatedAt: string;
              } | null;
              myVote: ('helpful' | 'not_helpful') | null;
              /** @enum {string} */
              status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
              heldFor: ('words' | 'links')[];
              rejectionReason: string | null;
              reportCount: number;
              product: {
                id: string;
                slug: string;
                name: string;
              };
              reports: {
                /** @enum {string} */
                reason: 'spam' | 'offensive' | 'off_topic' | 'fake' | 'other';
                note: string | null;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reviews/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a pending review, with a reason (staff) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              productId: string;
              rating: number;
              title: string | null;
              body: string | null;
              deliveryRating: number | null;
              sellerRating: number | null;
              images: string[];
              verifiedPurchase: boolean;
              author: {
                name: string;
              };
              sellerId: string;
              helpfulCount: number;
              notHelpfulCount: number;
              createdAt: string;
              updatedAt: string;
              reply: {
                body: string;
                createdAt: string;
                updatedAt: string;
              } | null;
              myVote: ('helpful' | 'not_helpful') | null;
              /** @enum {string} */
              status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
              heldFor: ('words' | 'links')[];
              rejectionReason: string | null;
              reportCount: number;
              product: {
                id: string;
                slug: string;
                name: string;
              };
              reports: {
                /** @enum {string} */
                reason: 'spam' | 'offensive' | 'off_topic' | 'fake' | 'other';
                note: string | null;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reviews/{id}/hide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a published review down (staff) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              productId: string;
              rating: number;
              title: string | null;
              body: string | null;
              deliveryRating: number | null;
              sellerRating: number | null;
              images: string[];
              verifiedPurchase: boolean;
              author: {
                name: string;
              };
              sellerId: string;
              helpfulCount: number;
              notHelpfulCount: number;
              createdAt: string;
              updatedAt: string;
              reply: {
                body: string;
                createdAt: string;
                updatedAt: string;
              } | null;
              myVote: ('helpful' | 'not_helpful') | null;
              /** @enum {string} */
              status: 'PENDING' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'REMOVED';
              heldFor: ('words' | 'links')[];
              rejectionReason: string | null;
              reportCount: number;
              product: {
                id: string;
                slug: string;
                name: string;
              };
              reports: {
                /** @enum {string} */
                reason: 'spam' | 'offensive' | 'off_topic' | 'fake' | 'other';
                note: string | null;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/review-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store’s review settings (ADMIN) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              moderation: boolean;
              allowUnverified: boolean;
              heldWords: string[];
              holdLinks: boolean;
              rewardPoints: number;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Set moderation, unverified reviews, held words, links and reward points (ADMIN) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            moderation: boolean;
            allowUnverified: boolean;
            heldWords: string[];
            holdLinks: boolean;
            rewardPoints: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              moderation: boolean;
              allowUnverified: boolean;
              heldWords: string[];
              holdLinks: boolean;
              rewardPoints: number;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask for a quote on items (signed in, or a guest giving contact details)
     * @description Items are offers with quantities, or items described in words. Without a bearer token, `contact` is required (400 `contact-required`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items: {
              offerId?: string;
              /** @description What is wanted, in words, when it is not an offer of the catalog. */
              description?: string;
              quantity: number;
            }[];
            message?: string;
            deliveryLocation?: string;
            wantedBy?: string;
            /** @description Required without a bearer token: how staff reach a guest. */
            contact?: {
              name: string;
              /** Format: email */
              email: string;
              phone?: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your leads, newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['LeadSummary'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A lead with its items, quote and status history
     * @description Its buyer, staff, or a seller of one of its items (who sees their items only); 404 for anyone else.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline your lead or its quote
     * @description 409 `lead-transition-not-allowed` once it is declined or converted.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            remarks?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept your quote: its items go into your cart at the quoted prices, held until it lapses
     * @description 409 `quote-expired` once it lapsed, `lead-transition-not-allowed` unless QUOTED, `quote-has-unlisted-items` with items described in words, `quoted-items-unavailable` naming each item no longer sellable (and why), `cart-holds-quote` when your cart holds another quote.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AcceptedLead'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/leads/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The lead’s thread, oldest first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                by: 'BUYER' | 'STAFF' | 'SELLER';
                authorId: string;
                body: string;
                createdAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Write in the lead’s thread */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              by: 'BUYER' | 'STAFF' | 'SELLER';
              authorId: string;
              body: string;
              createdAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/seller/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Leads with an item of yours (SELLER) */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['LeadSummary'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Leads by status, assignee and day, newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          status?: 'NEW' | 'CONTACTED' | 'QUOTED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'CONVERTED';
          assignedTo?: string;
          /** @description Leads made on or after this day (UTC). */
          from?: string;
          /** @description Leads made on or before this day (UTC). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['LeadSummary'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/leads/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign the lead to a staff member (quotes:manage) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A staff member of the store, or null to unassign. */
            userId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/leads/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record contact with the buyer, or decline the lead (quotes:manage) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Staff record contact made, or decline the lead.
             * @enum {string}
             */
            status: 'CONTACTED' | 'DECLINED';
            remarks?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/leads/{id}/quote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Quote the lead: a unit price per item, validity, terms (quotes:manage)
     * @description 400 `quote-incomplete` unless every item is priced once; 409 from DECLINED, ACCEPTED or CONVERTED.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A unit price, in minor units of the store currency, for every item of the lead. */
            items: {
              itemId: string;
              unitPrice: number;
            }[];
            /**
             * Format: date-time
             * @description When the quote lapses; in the future, at most a year ahead.
             */
            validUntil: string;
            terms?: string;
            notes?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lead'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/analytics/sales': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Orders and revenue per day of the store’s time zone (ADMIN)
     * @description An order counts once its payment is captured (cash on delivery once collected), on the day it was placed; revenue is the sum of the orders' totals. `format=csv` or `Accept: text/csv` answers as CSV (amounts in minor units). 400 when `from` is after `to` or the range is over 366 days.
     */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          format?: 'json' | 'csv';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SalesReport'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/analytics/top-products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The best-selling products by revenue (ADMIN)
     * @description At most `limit` rows (10 unless told, up to 100). `format=csv` or `Accept: text/csv` answers as CSV (amounts in minor units). 400 when `from` is after `to` or the range is over 366 days.
     */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          format?: 'json' | 'csv';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RankedReport'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/analytics/top-categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The best-selling categories by revenue (ADMIN)
     * @description At most `limit` rows (10 unless told, up to 100). `format=csv` or `Accept: text/csv` answers as CSV (amounts in minor units). 400 when `from` is after `to` or the range is over 366 days.
     */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          format?: 'json' | 'csv';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RankedReport'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/analytics/sellers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Sellers by revenue: orders, units and revenue (ADMIN)
     * @description At most `limit` rows (10 unless told, up to 100). `format=csv` or `Accept: text/csv` answers as CSV (amounts in minor units). 400 when `from` is after `to` or the range is over 366 days.
     */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          format?: 'json' | 'csv';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RankedReport'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/analytics/payment-methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Orders and revenue per payment method, with each one’s share (ADMIN)
     * @description `format=csv` or `Accept: text/csv` answers as CSV (amounts in minor units). 400 when `from` is after `to` or the range is over 366 days.
     */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          format?: 'json' | 'csv';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PaymentMixReport'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/analytics/funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The conversion funnel: product views, cart adds, checkouts started and completed (ADMIN)
     * @description Counted from the storefront's calls (bots left out), in batches written about once a second. `format=csv` or `Accept: text/csv` answers as CSV (amounts in minor units). 400 when `from` is after `to` or the range is over 366 days.
     */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          format?: 'json' | 'csv';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FunnelReport'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/analytics/searches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search terms by how often they were searched; `zeroOnly=true`: those that found nothing (ADMIN)
     * @description `format=csv` or `Accept: text/csv` answers as CSV (amounts in minor units). 400 when `from` is after `to` or the range is over 366 days.
     */
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
          format?: 'json' | 'csv';
          limit?: number;
          zeroOnly?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SearchTermsReport'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/lookups/{type}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A list of values the store’s forms offer (return reasons, units, delivery slots…)
     * @description Active values in order, each with `label` in `lang` (else English, else the first there is) and every `labels`; 404 `lookup-not-found` for a type the store does not have.
     */
    get: {
      parameters: {
        query?: {
          lang?: string;
        };
        header?: never;
        path: {
          type: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lookup'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/lookups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The store’s lookup types, built-in and its own, with value counts (ADMIN) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                type: string;
                description: string | null;
                builtIn: boolean;
                customized: boolean;
                count: number;
              }[];
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/lookups/{type}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A lookup with its inactive values too (ADMIN) */
    get: {
      parameters: {
        query?: {
          lang?: string;
        };
        header?: never;
        path: {
          type: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Lookup'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/lookups/{type}/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Add or change a value; a new type starts with it (settings:manage)
     * @description The first change to a built-in type makes its list the store’s own, starting from the defaults.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          type: string;
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            labels: {
              [key: string]: string;
            };
            position?: number;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LookupValue'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Delete a value nothing uses (settings:manage)
     * @description 409 `lookup-value-in-use` naming what uses it (turn it off with `active: false` instead); 404 for an unknown value.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          type: string;
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Campaigns newest first, by status (campaigns:manage) */
    get: {
      parameters: {
        query?: {
          status?: 'DRAFT' | 'SCHEDULED' | 'SENDING' | 'SENT' | 'CANCELLED';
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Campaign'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a campaign: DRAFT, or SCHEDULED with sendAt (campaigns:manage)
     * @description Discount and free-shipping campaigns carry a coupon of the store of their kind (400 `coupon-required`, `coupon-unknown`, `coupon-not-usable`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            type: 'DISCOUNT' | 'FREE_SHIPPING' | 'FEATURED_PRODUCTS' | 'ANNOUNCEMENT';
            channels: ('EMAIL' | 'IN_APP' | 'PUSH' | 'SMS')[];
            subject: string;
            /** @description Plain text; blank lines make paragraphs. Shown escaped in HTML mail. */
            body: string;
            target: components['schemas']['CampaignTargetInput'];
            sellerId?: string | null;
            productIds?: string[];
            categoryIds?: string[];
            couponCode?: string | null;
            /** @description Where the message’s link goes (tracked); the store otherwise. */
            linkUrl?: string | null;
            startsAt?: string | null;
            endsAt?: string | null;
            /** @description Schedules the send (SCHEDULED); null leaves it a DRAFT sent by hand. */
            sendAt?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A campaign with its metrics (campaigns:manage) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a DRAFT or SCHEDULED campaign (campaigns:manage)
     * @description 409 `campaign-not-editable` once it is sending, sent or cancelled. A new target drops the snapshot.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            /** @enum {string} */
            type?: 'DISCOUNT' | 'FREE_SHIPPING' | 'FEATURED_PRODUCTS' | 'ANNOUNCEMENT';
            channels?: ('EMAIL' | 'IN_APP' | 'PUSH' | 'SMS')[];
            subject?: string;
            /** @description Plain text; blank lines make paragraphs. Shown escaped in HTML mail. */
            body?: string;
            target?: components['schemas']['CampaignTargetInput'];
            sellerId?: string | null;
            productIds?: string[];
            categoryIds?: string[];
            couponCode?: string | null;
            /** @description Where the message’s link goes (tracked); the store otherwise. */
            linkUrl?: string | null;
            startsAt?: string | null;
            endsAt?: string | null;
            /** @description Schedules the send (SCHEDULED); null leaves it a DRAFT sent by hand. */
            sendAt?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/admin/campaigns/{id}/target': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Compute the target’s snapshot now; answers how many users it holds (campaigns:manage) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              targeted: number;
              targetedAt: string;
            };
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/campaigns/{id}/send': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send the campaign now: SENDING, then SENT when the worker is done (campaigns:manage)
     * @description The snapshot is computed first if it was not (or the target changed since). 409 from SENDING, SENT or CANCELLED.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/campaigns/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a campaign not yet sent (campaigns:manage)
     * @description A send in progress stops after the page in hand; 409 once SENT or CANCELLED.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Campaign'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/carts/{id}/checkout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Place the order: reserve stock, apply coupon and points, charge; Idempotency-Key makes retries safe */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email?: string;
            shippingAddress: {
              name: string;
              line1: string;
              line2?: string;
              city: string;
              state: string;
              postalCode: string;
              country: string;
              phone?: string;
            };
            billingAddress?: {
              name: string;
              line1: string;
              line2?: string;
              city: string;
              state: string;
              postalCode: string;
              country: string;
              phone?: string;
            };
            couponCode?: string;
            redeemPoints?: number;
            shippingMethod?: string;
            payment: {
              provider: string;
              token?: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              order: {
                /** Format: uuid */
                id: string;
                number: string;
                /** @enum {string} */
                status:
                  | 'PENDING'
                  | 'CONFIRMED'
                  | 'PAID'
                  | 'PROCESSING'
                  | 'SHIPPED'
                  | 'DELIVERED'
                  | 'CANCELLED'
                  | 'REFUNDED'
                  | 'RETURNED';
                paymentStatus: string;
                paymentProvider: string;
                email: string;
                userId: string | null;
                items: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  offerId: string;
                  /** Format: uuid */
                  productId: string;
                  /** Format: uuid */
                  sellerId: string;
                  name: string;
                  sku: string;
                  options: {
                    [key: string]: unknown;
                  };
                  imageUrl: string | null;
                  quantity: number;
                  unitPrice: components['schemas']['Money'];
                  discount: components['schemas']['Money'];
                  tax: components['schemas']['Money'];
                  total: components['schemas']['Money'];
                  /** @enum {string} */
                  fulfillmentStatus:
                    | 'PENDING'
                    | 'PROCESSING'
                    | 'SHIPPED'
                    | 'DELIVERED'
                    | 'CANCELLED'
                    | 'RETURNED';
                }[];
                /** @enum {string} */
                fulfillmentStatus:
                  | 'UNFULFILLED'
                  | 'PARTIALLY_SHIPPED'
                  | 'SHIPPED'
                  | 'PARTIALLY_DELIVERED'
                  | 'DELIVERED'
                  | 'RETURNED';
                shipments: {
                  /** Format: uuid */
                  id: string;
                  status: string;
                  carrier: string | null;
                  trackingNumber: string | null;
                  trackingUrl: string | null;
                  estimatedDeliveryAt: string | null;
                  items: {
                    /** Format: uuid */
                    orderItemId: string;
                    quantity: number;
                  }[];
                  events: {
                    status: string;
                    at: string;
                  }[];
                  lastLocation: {
                    lat: number;
                    lng: number;
                    accuracy: number | null;
                    at: string;
                  } | null;
                  deliveryCode?: string | null;
                }[];
                totals: {
                  subtotal: components['schemas']['Money'];
                  discount: components['schemas']['Money'];
                  tax: components['schemas']['Money'];
                  shipping: components['schemas']['Money'];
                  total: components['schemas']['Money'];
                };
                couponCode: string | null;
                pointsRedeemed: number;
                shippingMethod: string | null;
                shippingAddress: components['schemas']['PostalAddress'];
                billingAddress: components['schemas']['PostalAddress'];
                cancelReason: string | null;
                placedAt: string;
              };
              payment: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                orderId: string;
                provider: string;
                method: string;
                /** @enum {string} */
                status:
                  | 'PENDING'
                  | 'REQUIRES_ACTION'
                  | 'AUTHORIZED'
                  | 'CAPTURED'
                  | 'FAILED'
                  | 'CANCELLED'
                  | 'PARTIALLY_REFUNDED'
                  | 'REFUNDED';
                amount: components['schemas']['Money'];
                captured: components['schemas']['Money'];
                refunded: components['schemas']['Money'];
                cardLast4: string | null;
                cardBrand: string | null;
                errorCode: string | null;
                errorMessage: string | null;
                nextAction?: {
                  [key: string]: unknown;
                };
                createdAt: string;
              };
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel until the order ships: stock returned, captured payment refunded */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'CONFIRMED'
                | 'PAID'
                | 'PROCESSING'
                | 'SHIPPED'
                | 'DELIVERED'
                | 'CANCELLED'
                | 'REFUNDED'
                | 'RETURNED';
              paymentStatus: string;
              paymentProvider: string;
              email: string;
              userId: string | null;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                name: string;
                sku: string;
                options: {
                  [key: string]: unknown;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                total: components['schemas']['Money'];
                /** @enum {string} */
                fulfillmentStatus:
                  | 'PENDING'
                  | 'PROCESSING'
                  | 'SHIPPED'
                  | 'DELIVERED'
                  | 'CANCELLED'
                  | 'RETURNED';
              }[];
              /** @enum {string} */
              fulfillmentStatus:
                | 'UNFULFILLED'
                | 'PARTIALLY_SHIPPED'
                | 'SHIPPED'
                | 'PARTIALLY_DELIVERED'
                | 'DELIVERED'
                | 'RETURNED';
              shipments: {
                /** Format: uuid */
                id: string;
                status: string;
                carrier: string | null;
                trackingNumber: string | null;
                trackingUrl: string | null;
                estimatedDeliveryAt: string | null;
                items: {
                  /** Format: uuid */
                  orderItemId: string;
                  quantity: number;
                }[];
                events: {
                  status: string;
                  at: string;
                }[];
                lastLocation: {
                  lat: number;
                  lng: number;
                  accuracy: number | null;
                  at: string;
                } | null;
                deliveryCode?: string | null;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              couponCode: string | null;
              pointsRedeemed: number;
              shippingMethod: string | null;
              shippingAddress: components['schemas']['PostalAddress'];
              billingAddress: components['schemas']['PostalAddress'];
              cancelReason: string | null;
              placedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/orders/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move an order along its state machine (ADMIN); 409 for a transition not allowed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status:
              | 'PENDING'
              | 'CONFIRMED'
              | 'PAID'
              | 'PROCESSING'
              | 'SHIPPED'
              | 'DELIVERED'
              | 'CANCELLED'
              | 'REFUNDED'
              | 'RETURNED';
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'CONFIRMED'
                | 'PAID'
                | 'PROCESSING'
                | 'SHIPPED'
                | 'DELIVERED'
                | 'CANCELLED'
                | 'REFUNDED'
                | 'RETURNED';
              paymentStatus: string;
              paymentProvider: string;
              email: string;
              userId: string | null;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                name: string;
                sku: string;
                options: {
                  [key: string]: unknown;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                total: components['schemas']['Money'];
                /** @enum {string} */
                fulfillmentStatus:
                  | 'PENDING'
                  | 'PROCESSING'
                  | 'SHIPPED'
                  | 'DELIVERED'
                  | 'CANCELLED'
                  | 'RETURNED';
              }[];
              /** @enum {string} */
              fulfillmentStatus:
                | 'UNFULFILLED'
                | 'PARTIALLY_SHIPPED'
                | 'SHIPPED'
                | 'PARTIALLY_DELIVERED'
                | 'DELIVERED'
                | 'RETURNED';
              shipments: {
                /** Format: uuid */
                id: string;
                status: string;
                carrier: string | null;
                trackingNumber: string | null;
                trackingUrl: string | null;
                estimatedDeliveryAt: string | null;
                items: {
                  /** Format: uuid */
                  orderItemId: string;
                  quantity: number;
                }[];
                events: {
                  status: string;
                  at: string;
                }[];
                lastLocation: {
                  lat: number;
                  lng: number;
                  accuracy: number | null;
                  at: string;
                } | null;
                deliveryCode?: string | null;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              couponCode: string | null;
              pointsRedeemed: number;
              shippingMethod: string | null;
              shippingAddress: components['schemas']['PostalAddress'];
              billingAddress: components['schemas']['PostalAddress'];
              cancelReason: string | null;
              placedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/seller/orders/{id}/items/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** A seller moves its own item along fulfilment (PROCESSING, SHIPPED, DELIVERED); 409 before the order is paid (cash on delivery: not DELIVERED before the cash is collected) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'PROCESSING' | 'SHIPPED' | 'DELIVERED';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              number: string;
              /** @enum {string} */
              status:
                | 'PENDING'
                | 'CONFIRMED'
                | 'PAID'
                | 'PROCESSING'
                | 'SHIPPED'
                | 'DELIVERED'
                | 'CANCELLED'
                | 'REFUNDED'
                | 'RETURNED';
              paymentStatus: string;
              paymentProvider: string;
              email: string;
              userId: string | null;
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                offerId: string;
                /** Format: uuid */
                productId: string;
                /** Format: uuid */
                sellerId: string;
                name: string;
                sku: string;
                options: {
                  [key: string]: unknown;
                };
                imageUrl: string | null;
                quantity: number;
                unitPrice: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                total: components['schemas']['Money'];
                /** @enum {string} */
                fulfillmentStatus:
                  | 'PENDING'
                  | 'PROCESSING'
                  | 'SHIPPED'
                  | 'DELIVERED'
                  | 'CANCELLED'
                  | 'RETURNED';
              }[];
              /** @enum {string} */
              fulfillmentStatus:
                | 'UNFULFILLED'
                | 'PARTIALLY_SHIPPED'
                | 'SHIPPED'
                | 'PARTIALLY_DELIVERED'
                | 'DELIVERED'
                | 'RETURNED';
              shipments: {
                /** Format: uuid */
                id: string;
                status: string;
                carrier: string | null;
                trackingNumber: string | null;
                trackingUrl: string | null;
                estimatedDeliveryAt: string | null;
                items: {
                  /** Format: uuid */
                  orderItemId: string;
                  quantity: number;
                }[];
                events: {
                  status: string;
                  at: string;
                }[];
                lastLocation: {
                  lat: number;
                  lng: number;
                  accuracy: number | null;
                  at: string;
                } | null;
                deliveryCode?: string | null;
              }[];
              totals: {
                subtotal: components['schemas']['Money'];
                discount: components['schemas']['Money'];
                tax: components['schemas']['Money'];
                shipping: components['schemas']['Money'];
                total: components['schemas']['Money'];
              };
              couponCode: string | null;
              pointsRedeemed: number;
              shippingMethod: string | null;
              shippingAddress: components['schemas']['PostalAddress'];
              billingAddress: components['schemas']['PostalAddress'];
              cancelReason: string | null;
              placedAt: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id, or the store is unknown or not open yet. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The store is suspended (temporarily unavailable); its staff are still let in. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/platform/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign up as a business owner: an account and a tenant on plan FREE */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            password: string;
            name: string;
            phone?: string;
            businessName: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              tenant: components['schemas']['Tenant'];
              user: {
                /** Format: uuid */
                id: string;
                email: string | null;
                name: string;
                phone: string | null;
                phoneVerified: boolean;
                roles: (
                  | 'CUSTOMER'
                  | 'SELLER'
                  | 'ADMIN'
                  | 'DELIVERY_AGENT'
                  | 'SUPER_ADMIN'
                  | 'BUSINESS_OWNER'
                )[];
                /** @enum {string} */
                status: 'ACTIVE' | 'DEACTIVATED';
                emailVerified: boolean;
                groupId: string | null;
                createdAt: string;
              };
              accessToken: string;
              refreshToken: string;
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/invitations/sign-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a platform account from a store's invitation and take the invitation up: the account has the invitation's email, no role and no tenant */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
            name: string;
            phone?: string;
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                email: string | null;
                name: string;
                phone: string | null;
                phoneVerified: boolean;
                roles: (
                  | 'CUSTOMER'
                  | 'SELLER'
                  | 'ADMIN'
                  | 'DELIVERY_AGENT'
                  | 'SUPER_ADMIN'
                  | 'BUSINESS_OWNER'
                )[];
                /** @enum {string} */
                status: 'ACTIVE' | 'DEACTIVATED';
                emailVerified: boolean;
                groupId: string | null;
                createdAt: string;
              };
              accessToken: string;
              refreshToken: string;
              accepted: components['schemas']['InvitationAccepted'];
            };
          };
        };
        /** @description The request is not valid: malformed JSON or invalid fields (`errors` points at each). */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The request body is larger than allowed. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is not in a media type this call takes (JSON unless stated). */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many requests: try again after `Retry-After` seconds. */
        429: {
          headers: {
            /** @description Seconds to wait before trying again. */
            'retry-after'?: number;
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/platform/stores/{id}/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a session bound to this store (its owner or staff), for the store's console: its tokens work in this store only */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StoreSession'];
          };
        };
        /** @description No valid access token: sign in and send `Authorization: Bearer <accessToken>`. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Your roles or admin permissions do not allow this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Nothing you may see has this id. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The resource’s state does not allow this, or it would clash with another (see `type`). */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AcceptedLead: {
      id: string;
      /** @enum {string} */
      status: 'NEW' | 'CONTACTED' | 'QUOTED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'CONVERTED';
      contact: {
        name: string;
        email: string | null;
        phone: string | null;
      };
      itemCount: number;
      quote: {
        total: components['schemas']['Money'];
        validUntil: string;
        terms: string | null;
        notes: string | null;
        quotedAt: string;
      } | null;
      assignedTo: string | null;
      acceptedAt: string | null;
      /** @description The order the accepted quote became (CONVERTED). */
      order: {
        id: string;
        number: string;
      } | null;
      wantedBy: string | null;
      createdAt: string;
      updatedAt: string;
      userId: string | null;
      message: string | null;
      deliveryLocation: string | null;
      items: {
        id: string;
        offerId: string | null;
        productId: string | null;
        sellerId: string | null;
        description: string;
        quantity: number;
        /** @description The catalog price when the lead was made. */
        listUnitPrice: components['schemas']['Money'] | null;
        quotedUnitPrice: components['schemas']['Money'] | null;
        quotedTotal: components['schemas']['Money'] | null;
      }[];
      history: {
        /** @enum {string} */
        status: 'NEW' | 'CONTACTED' | 'QUOTED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'CONVERTED';
        at: string;
        /** @enum {string} */
        by: 'BUYER' | 'STAFF' | 'SELLER' | 'SYSTEM';
        byUserId: string | null;
        remarks: string | null;
      }[];
      /** @description The buyer’s cart, holding the quoted items at the quoted prices. */
      cartId: string;
    };
    AuditEntry: {
      id: string;
      entityType: string;
      entityId: string;
      action: string;
      actor: {
        userId: string | null;
        roles: string[];
        realm: string | null;
      };
      requestId: string | null;
      before: {
        [key: string]: unknown;
      } | null;
      after: {
        [key: string]: unknown;
      } | null;
      at: string;
    };
    AuditPage: {
      items: components['schemas']['AuditEntry'][];
      nextCursor: string | null;
    };
    Campaign: {
      id: string;
      name: string;
      /** @enum {string} */
      type: 'DISCOUNT' | 'FREE_SHIPPING' | 'FEATURED_PRODUCTS' | 'ANNOUNCEMENT';
      /** @enum {string} */
      status: 'DRAFT' | 'SCHEDULED' | 'SENDING' | 'SENT' | 'CANCELLED';
      channels: ('EMAIL' | 'IN_APP' | 'PUSH' | 'SMS')[];
      subject: string;
      body: string;
      target: components['schemas']['CampaignTarget'];
      sellerId: string | null;
      productIds: string[];
      categoryIds: string[];
      couponCode: string | null;
      linkUrl: string | null;
      startsAt: string | null;
      endsAt: string | null;
      sendAt: string | null;
      targetedCount: number | null;
      targetedAt: string | null;
      sendStartedAt: string | null;
      sentAt: string | null;
      cancelledAt: string | null;
      createdAt: string;
      updatedAt: string;
      /** @description With `GET /admin/campaigns/{id}` only. */
      metrics?: components['schemas']['CampaignMetrics'];
    };
    CampaignMetrics: {
      /** @description Users in the snapshot. */
      targeted: number;
      /** @description Targets the send has not handled yet. */
      pending: number;
      /** @description Users given at least one message. */
      messaged: number;
      /** @description Users whose preferences (or missing address) allowed no channel. */
      skipped: number;
      /** @description Users whose account closed after the snapshot. */
      gone: number;
      /** @description Messages handed to their channel, all channels. */
      sent: number;
      /** @description Messages waiting (quiet hours, retries). */
      queued: number;
      failed: number;
      opened: number;
      clicked: number;
      byChannel: {
        /** @enum {string} */
        channel: 'EMAIL' | 'IN_APP' | 'PUSH' | 'SMS';
        queued: number;
        sent: number;
        failed: number;
        bounced: number;
        opened: number;
        clicked: number;
      }[];
      /** @description Paid orders attributed: with the coupon, or within 7 days of a click. */
      orders: number;
      ordersByCoupon: number;
      ordersByClick: number;
      revenue: components['schemas']['Money'];
    };
    CampaignTarget:
      | {
          /** @constant */
          kind: 'EVERYONE';
        }
      | {
          /** @constant */
          kind: 'GROUP';
          /** Format: uuid */
          groupId: string;
        }
      | {
          /** @constant */
          kind: 'SEGMENT';
          rules: {
            /** @description Paid for an item of this category (or one below it) in the last `days` days. */
            boughtInCategory?: {
              /** Format: uuid */
              categoryId: string;
              days: number;
            };
            /** @description Paid more than this in all, in minor units of the store’s currency. */
            spentOver?: number;
            /** @description Neither signed in nor ordered in the last this many days. */
            inactiveDays?: number;
          };
        }
      | {
          /** @constant */
          kind: 'LIST';
          /** @default [] */
          userIds: string[];
          /** @default [] */
          emails: string[];
        };
    CampaignTargetInput:
      | {
          /** @constant */
          kind: 'EVERYONE';
        }
      | {
          /** @constant */
          kind: 'GROUP';
          /** Format: uuid */
          groupId: string;
        }
      | {
          /** @constant */
          kind: 'SEGMENT';
          rules: {
            /** @description Paid for an item of this category (or one below it) in the last `days` days. */
            boughtInCategory?: {
              /** Format: uuid */
              categoryId: string;
              days: number;
            };
            /** @description Paid more than this in all, in minor units of the store’s currency. */
            spentOver?: number;
            /** @description Neither signed in nor ordered in the last this many days. */
            inactiveDays?: number;
          };
        }
      | {
          /** @constant */
          kind: 'LIST';
          /** @default [] */
          userIds: string[];
          /** @default [] */
          emails: string[];
        };
    CategoryNode: {
      id: string;
      slug: string;
      name: string;
      description: string | null;
      imageUrl: string | null;
      sortOrder: number;
      children: components['schemas']['CategoryNode'][];
    };
    FieldError: {
      pointer: string;
      /** @enum {string} */
      in: 'body' | 'query' | 'params' | 'headers';
      detail: string;
    };
    FunnelReport: {
      from: string;
      to: string;
      views: number;
      searches: number;
      zeroResultSearches: number;
      cartAdds: number;
      checkoutsStarted: number;
      checkoutsCompleted: number;
      rates: {
        viewToCart: number;
        cartToCheckout: number;
        checkoutToOrder: number;
        viewToOrder: number;
      };
    };
    InvitationAccepted: {
      storeId: string;
      role: string;
      storeName: string;
      consoleUrl: string | null;
    };
    Lead: {
      id: string;
      /** @enum {string} */
      status: 'NEW' | 'CONTACTED' | 'QUOTED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'CONVERTED';
      contact: {
        name: string;
        email: string | null;
        phone: string | null;
      };
      itemCount: number;
      quote: {
        total: components['schemas']['Money'];
        validUntil: string;
        terms: string | null;
        notes: string | null;
        quotedAt: string;
      } | null;
      assignedTo: string | null;
      acceptedAt: string | null;
      /** @description The order the accepted quote became (CONVERTED). */
      order: {
        id: string;
        number: string;
      } | null;
      wantedBy: string | null;
      createdAt: string;
      updatedAt: string;
      userId: string | null;
      message: string | null;
      deliveryLocation: string | null;
      items: {
        id: string;
        offerId: string | null;
        productId: string | null;
        sellerId: string | null;
        description: string;
        quantity: number;
        /** @description The catalog price when the lead was made. */
        listUnitPrice: components['schemas']['Money'] | null;
        quotedUnitPrice: components['schemas']['Money'] | null;
        quotedTotal: components['schemas']['Money'] | null;
      }[];
      history: {
        /** @enum {string} */
        status: 'NEW' | 'CONTACTED' | 'QUOTED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'CONVERTED';
        at: string;
        /** @enum {string} */
        by: 'BUYER' | 'STAFF' | 'SELLER' | 'SYSTEM';
        byUserId: string | null;
        remarks: string | null;
      }[];
    };
    LeadSummary: {
      id: string;
      /** @enum {string} */
      status: 'NEW' | 'CONTACTED' | 'QUOTED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'CONVERTED';
      contact: {
        name: string;
        email: string | null;
        phone: string | null;
      };
      itemCount: number;
      quote: {
        total: components['schemas']['Money'];
        validUntil: string;
        terms: string | null;
        notes: string | null;
        quotedAt: string;
      } | null;
      assignedTo: string | null;
      acceptedAt: string | null;
      /** @description The order the accepted quote became (CONVERTED). */
      order: {
        id: string;
        number: string;
      } | null;
      wantedBy: string | null;
      createdAt: string;
      updatedAt: string;
    };
    Lookup: {
      type: string;
      customized: boolean;
      values: components['schemas']['LookupValue'][];
    };
    LookupValue: {
      code: string;
      label: string;
      labels: {
        [key: string]: string;
      };
      position: number;
      active: boolean;
    };
    Money: {
      amount: number;
      currency: string;
    };
    Notification: {
      /** Format: uuid */
      id: string;
      type: string;
      title: string;
      body: string;
      /** Format: date-time */
      createdAt: string;
      readAt: string | null;
    };
    NotificationPreferences: {
      channels: {
        email: boolean;
        sms: boolean;
        push: boolean;
        inApp: boolean;
      };
      quietHours: {
        start: string;
        end: string;
        timeZone: string;
      } | null;
      language: string | null;
      types: {
        [key: string]: {
          email?: boolean;
          sms?: boolean;
          push?: boolean;
          inApp?: boolean;
        };
      };
    };
    NotificationTemplate: {
      type: string;
      /** @enum {string} */
      channel: 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';
      language: string;
      version: number;
      /** @enum {string} */
      source: 'DEFAULT' | 'STAFF';
      subject: string | null;
      body: string;
      html: string | null;
      createdAt: string | null;
    };
    PaymentMixReport: {
      from: string;
      to: string;
      items: {
        provider: string;
        orders: number;
        revenue: number;
        share: number;
      }[];
    };
    Plan: {
      code: string;
      name: string;
      price: {
        amount: number;
        currency: string;
      };
      period: string;
      limits: {
        stores: number | null;
        productsPerStore: number | null;
        staffPerStore: number | null;
        customDomains: number | null;
      };
      transactionFeeBp: number;
      active: boolean;
    };
    PlatformStore: {
      /** Format: uuid */
      id: string;
      name: string;
      status: string;
      storeType: string;
      domain: string | null;
      subdomain: string | null;
      customDomain: string | null;
      currency: string;
      language: string;
      previewUrl: string | null;
      liveUrl: string | null;
      origin: string | null;
      publishedAt: string | null;
      statusReason: string | null;
      createdAt: string;
    };
    PostalAddress: {
      name: string;
      line1: string;
      line2?: string;
      city: string;
      state: string;
      postalCode: string;
      country: string;
      phone?: string;
    };
    Problem: {
      /** @description `/problems/<code>`: the stable code of the error. */
      type: string;
      title: string;
      status: number;
      detail?: string;
      /** @description The path of the request that failed. */
      instance?: string;
      /** @description Each invalid field, on a validation failure. */
      errors?: components['schemas']['FieldError'][];
    } & {
      [key: string]: unknown;
    };
    RankedReport: {
      from: string;
      to: string;
      items: {
        id: string;
        name: string | null;
        orders: number;
        units: number;
        revenue: number;
      }[];
    };
    ReorderSuggestions: {
      day: string | null;
      items: components['schemas']['StockForecast'][];
      nextCursor: string | null;
    };
    SalesReport: {
      days: {
        date: string;
        orders: number;
        revenue: number;
      }[];
      totals: {
        orders: number;
        revenue: number;
      };
    };
    SearchTermsReport: {
      from: string;
      to: string;
      items: {
        query: string;
        searches: number;
        zeroResults: number;
      }[];
    };
    StaffMembership: {
      storeId: string;
      storeName: string;
      status: string;
      role: string;
      since: string;
      domain: string | null;
      consoleUrl: string | null;
    };
    StockForecast: {
      /** Format: uuid */
      offerId: string;
      /** Format: uuid */
      productId: string;
      /** Format: uuid */
      sellerId: string;
      computedOn: string;
      /** @enum {string} */
      method: 'holt-winters' | 'sba' | 'none';
      reason: string | null;
      historyDays: number;
      zeroShare: number;
      available: number;
      leadTimeDays: number;
      reviewDays: number;
      dailyDemand: number | null;
      demand7: number | null;
      demand14: number | null;
      demand30: number | null;
      demand30Interval: {
        low: number;
        high: number;
      } | null;
      daysOfCover: number | null;
      safetyStock: number | null;
      reorderPoint: number | null;
      reorderQuantity: number | null;
      error: number | null;
      confidence: ('high' | 'medium' | 'low') | null;
    };
    StoreDomain: {
      customDomain: string | null;
      verified: boolean;
      verifiedAt: string | null;
      checkedAt: string | null;
      proof: {
        txt: {
          name: string;
          value: string;
        };
        http: {
          url: string;
          body: string;
        };
      } | null;
      problem: string | null;
    };
    StoreSession: {
      storeId: string;
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
    };
    StoreStaff: {
      members: {
        accountId: string;
        email: string | null;
        role: string;
        since: string;
      }[];
      invitations: {
        id: string;
        email: string;
        role: string;
        expiresAt: string;
      }[];
    };
    SubscriptionChange: {
      tenant: components['schemas']['Tenant'];
      checkoutUrl: string | null;
      pendingPlan: string | null;
      effectiveAt: string | null;
    };
    Tenant: {
      /** Format: uuid */
      id: string;
      businessName: string;
      plan: string;
      maxStores: number | null;
      storeCount: number;
      subscriptionStatus: string;
      graceUntil: string | null;
      pendingPlan: string | null;
      suspendedAt: string | null;
      platformDomain: string;
    };
    TenantSummary: {
      /** Format: uuid */
      id: string;
      businessName: string;
      plan: string;
      subscriptionStatus: string;
      storeCount: number;
      graceUntil: string | null;
      suspendedAt: string | null;
      suspendedReason: string | null;
      createdAt: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
