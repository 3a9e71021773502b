/**
 * The model-backed store generator: any OpenAI-compatible chat-completions endpoint (OpenAI,
 * OpenRouter, vLLM, Ollama, llama.cpp…) is asked for the store as one JSON object, which is held
 * to the same `GeneratedStore` schema as the built-in generator's. On a timeout, an HTTP error, a
 * network failure, JSON that does not parse or a store the schema refuses, the built-in generator
 * writes the store instead and the outcome says why, so generation never fails for the model.
 */
import type { Config } from '../../../platform/config.ts';
import type { Logger } from '../../../platform/observability/logger.ts';
import { builtinGenerator } from './builtin.ts';
import { GeneratedStore, type StoreGenerationInput } from './generation.schema.ts';
import type { GenerationOutcome, StoreGenerator } from './generator.ts';

export interface LlmGeneratorOptions {
  /** Base URL; `{url}/chat/completions` is called (e.g. https://api.openai.com/v1). */
  url: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
  /** Most bytes of an answer read (default 2 MiB). */
  maxBytes?: number;
  /** What writes the store when the model's answer is not used (default: the built-in one). */
  fallback?: StoreGenerator;
  log?: Pick<Logger, 'warn'>;
}

/** Why a model's answer was not used; the message is the job's reason. */
export class ModelAnswerRefused extends Error {}

const SHAPE = `{
 "name": string, "tagline": string (<=300),
 "storeType": "grocery"|"restaurant"|"clinic"|"fashion"|"general",
 "theme": short template name such as "bakery" (<=40),
 "currency": the given currency, "language": the given language,
 "colours": {"primary","accent","background","text"} each "#rrggbb" lower case,
 "sections": [{"kind":"hero","title","text"}, {"kind":"categories","title","categorySlugs":[...]},
   {"kind":"products","title","productSlugs":[...]}, {"kind":"about","title","text"}, {"kind":"contact","title","text"}],
 "policies": {"returns","shipping","privacy"} (plain text),
 "categories": [{"name","slug","children":[same shape]}] (2 levels at most),
 "products": 20 to 30 of {"name","slug","description","categorySlug" (a category's slug),
   "brand"? , "price" (integer: the lowest variant price),
   "specs":[{"name","value"}], "variants":[{"sku","options":[{"name","value"}],"price" (integer)}],
   "image": a picture name, lower-case letters, digits and hyphens, at most 80}
}`;

const RULES = `Rules: slugs are lower-case words joined by single hyphens, unique among categories and among
products; SKUs are unique; every price is an integer in minor units of the currency (cents, paise:
INR 250.00 is 25000; JPY has no minor unit); product names, prices and texts fit the business, its
city and its language; answer with the JSON object only.`;

/** The system prompt: the document's shape and its rules. */
export function systemPrompt(): string {
  return `You write the first draft of an online store for a business, as one JSON object of this shape:\n${SHAPE}\n${RULES}`;
}

/** The user message: the business as the owner described it. */
export function userPrompt(input: StoreGenerationInput): string {
  return JSON.stringify({
    businessName: input.businessName,
    description: input.description,
    city: input.city ?? null,
    currency: input.currency,
    language: input.language,
    storeType: input.storeType ?? null,
  });
}

function clip(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** The body as text, refused past `maxBytes` (a model answer is tens of kilobytes). */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ModelAnswerRefused(`answer larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The store in a chat-completions answer, or the reason it is not one. */
export function storeFromAnswer(body: string, input: StoreGenerationInput): GeneratedStore {
  let content: unknown;
  try {
    content = (JSON.parse(body) as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message
      ?.content;
  } catch {
    throw new ModelAnswerRefused('the endpoint did not answer with JSON');
  }
  if (typeof content !== 'string' || content.trim() === '')
    throw new ModelAnswerRefused('the answer has no message content');
  let doc: unknown;
  try {
    doc = JSON.parse(content.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch (error) {
    throw new ModelAnswerRefused(`invalid JSON: ${clip((error as Error).message)}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new ModelAnswerRefused('invalid JSON: not an object');
  // The store's currency and language are the owner's choice, not the model's.
  const parsed = GeneratedStore.safeParse({ ...doc, currency: input.currency, language: input.language });
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(store)'}: ${i.message}`);
    throw new ModelAnswerRefused(`schema: ${clip(issues.join('; '), 400)}`);
  }
  return parsed.data;
}

function failureReason(error: unknown, timeoutMs: number): string {
  if (error instanceof ModelAnswerRefused) return error.message;
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `timeout: no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `network: ${clip(cause?.code ?? cause?.message ?? (error as Error).message ?? String(error))}`;
}

export class LlmGenerator implements StoreGenerator {
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly fallback: StoreGenerator;

  constructor(private readonly options: LlmGeneratorOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/chat/completions`;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.fallback = options.fallback ?? builtinGenerator;
  }

  async generate(input: StoreGenerationInput): Promise<GeneratedStore> {
    return (await this.generateWithOutcome(input)).store;
  }

  async generateWithOutcome(input: StoreGenerationInput): Promise<GenerationOutcome> {
    try {
      return { store: await this.ask(input), generatedBy: 'llm' };
    } catch (error) {
      const fallbackReason = failureReason(error, this.timeoutMs);
      this.options.log?.warn(
        { generator: 'llm', model: this.options.model, fallbackReason },
        'store generator fell back to builtin',
      );
      return { store: await this.fallback.generate(input), generatedBy: 'builtin', fallbackReason };
    }
  }

  /** One chat completion, all of it (headers and body) within the timeout. */
  private async ask(input: StoreGenerationInput): Promise<GeneratedStore> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers,
      redirect: 'error',
      signal: AbortSignal.timeout(this.timeoutMs),
      body: JSON.stringify({
        model: this.options.model,
        messages: [
          { role: 'system', content: systemPrompt() },
          { role: 'user', content: userPrompt(input) },
        ],
        response_format: { type: 'json_object' },
        temperature: 0.4,
      }),
    });
    const body = await readCapped(response, this.options.maxBytes ?? 2 * 1024 * 1024);
    if (!response.ok) throw new ModelAnswerRefused(`HTTP ${response.status}: ${clip(body)}`);
    return storeFromAnswer(body, input);
  }
}

/**
 * The generator the configuration asks for: the model behind `GENERATOR_URL` (falling back to the
 * built-in one), or the built-in one alone when no URL is set.
 */
export function storeGeneratorFromConfig(
  config: Pick<Config, 'GENERATOR_URL' | 'GENERATOR_MODEL' | 'GENERATOR_API_KEY' | 'GENERATOR_TIMEOUT_MS'>,
  log?: Pick<Logger, 'warn'>,
): StoreGenerator {
  if (!config.GENERATOR_URL) return builtinGenerator;
  if (!config.GENERATOR_MODEL) throw new Error('GENERATOR_MODEL is unset while GENERATOR_URL is set');
  return new LlmGenerator({
    url: config.GENERATOR_URL,
    model: config.GENERATOR_MODEL,
    apiKey: config.GENERATOR_API_KEY,
    timeoutMs: config.GENERATOR_TIMEOUT_MS,
    ...(log ? { log } : {}),
  });
}
