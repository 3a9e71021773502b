import { Conflict, NotFound } from '../../platform/http/errors.ts';

export interface Shortage {
  offerId: string;
  requested: number;
  available: number;
}

/** Not enough sellable stock for one or more offers; nothing was reserved or moved. */
export class InsufficientStock extends Conflict {
  constructor(readonly shortages: Shortage[]) {
    super(
      `Not enough stock for ${shortages.length === 1 ? 'offer' : 'offers'} ${shortages.map((s) => s.offerId).join(', ')}.`,
      'insufficient-stock',
      { offers: shortages },
    );
  }
}

export class WarehouseNotFound extends NotFound {
  constructor() {
    super('warehouse', 'warehouse-not-found');
  }
}

export class WarehouseCodeTaken extends Conflict {
  constructor(code: string) {
    super(`A warehouse with code ${code} already exists in this store.`, 'warehouse-code-taken');
  }
}

export class WarehouseNotEmpty extends Conflict {
  constructor() {
    super('The warehouse holds stock records; deactivate it instead of deleting it.', 'warehouse-not-empty');
  }
}

/** The catalog knows no such offer in this store, or (for a seller) it is another seller's. */
export class OfferNotFound extends NotFound {
  constructor() {
    super('offer', 'offer-not-found');
  }
}

/** No stock of this offer (in this warehouse) that the caller may see. */
export class SellerNotFound extends NotFound {
  constructor() {
    super('seller', 'seller-not-found');
  }
}

export class StockNotFound extends NotFound {
  constructor() {
    super('stock', 'stock-not-found');
  }
}

export class LotNotFound extends NotFound {
  constructor() {
    super('lot', 'lot-not-found');
  }
}

export class LotMismatch extends Conflict {
  constructor(code: string) {
    super(`Lot ${code} already exists here with different dates or cost.`, 'lot-mismatch');
  }
}

export class OfferMismatch extends Conflict {
  constructor() {
    super('The product or seller given is not this offer’s.', 'offer-mismatch');
  }
}

export class AboveMaximumLevel extends Conflict {
  constructor(maxLevel: number) {
    super(
      `The receipt would take on-hand stock above the maximum level of ${maxLevel}.`,
      'above-maximum-level',
    );
  }
}

export class ReservationNotFound extends NotFound {
  constructor() {
    super('reservation', 'reservation-not-found');
  }
}

export class ReservationExists extends Conflict {
  constructor() {
    super('A live reservation already exists for this reference.', 'reservation-exists');
  }
}

/** The reservation is not in a state that allows the call (e.g. confirming an expired one). */
export class ReservationStateConflict extends Conflict {
  constructor(status: string, action: string) {
    super(
      `This reservation is ${status.toLowerCase()} and cannot be ${action}.`,
      `reservation-${status.toLowerCase()}`,
    );
  }
}

export class ReturnExceedsSold extends Conflict {
  constructor(offerId: string) {
    super(
      `More units of offer ${offerId} returned than were sold under this reference.`,
      'return-exceeds-sold',
    );
  }
}

/** A shipment asks for more units of an offer than the order still has committed (sold, not shipped). */
export class ShipExceedsCommitted extends Conflict {
  constructor(offerId: string, requested: number, committed: number) {
    super(
      `Cannot ship ${requested} units of offer ${offerId}: ${committed} are committed under this reference.`,
      'ship-exceeds-committed',
      { offerId, requested, committed },
    );
  }
}

/** No forecast of this offer that the caller may see (none computed yet, or another seller's). */
export class ForecastNotFound extends NotFound {
  constructor() {
    super('forecast', 'forecast-not-found');
  }
}
