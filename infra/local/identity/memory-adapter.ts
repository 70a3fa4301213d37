/**
 * The provider's storage for sessions, interactions, codes and grants: in memory, on purpose.
 * A restart signs everyone out of the provider (the console asks them to sign in again), while
 * the signing keys, kept on disk, keep already-issued access tokens valid until they expire.
 */

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string };

interface Entry {
  payload: Payload;
  /** Epoch milliseconds after which the entry is gone; undefined when it never expires. */
  expiresAt: number | undefined;
}

/** One store per provider, shared by every model's adapter instance. */
function createStore() {
  const entries = new Map<string, Entry>();
  const byGrant = new Map<string, Set<string>>();
  const live = (key: string): Payload | undefined => {
    const entry = entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry?.payload;
  };
  return { entries, byGrant, live };
}

/**
 * An oidc-provider adapter class backed by a Map, with expiry. Each call makes a new store, so
 * two providers in one process never share state.
 */
export function memoryAdapter() {
  const store = createStore();
  return class MemoryAdapter {
    readonly #model: string;

    constructor(model: string) {
      this.#model = model;
    }

    #key(id: string): string {
      return `${this.#model}:${id}`;
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      const key = this.#key(id);
      const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : undefined;
      store.entries.set(key, { payload: structuredClone(payload), expiresAt });
      if (payload.grantId) {
        const keys = store.byGrant.get(payload.grantId) ?? new Set<string>();
        store.byGrant.set(payload.grantId, keys.add(key));
      }
      if (payload.uid) store.entries.set(`${this.#model}:uid:${payload.uid}`, { payload: { id }, expiresAt });
      if (payload.userCode)
        store.entries.set(`${this.#model}:userCode:${payload.userCode}`, { payload: { id }, expiresAt });
    }

    async find(id: string): Promise<Payload | undefined> {
      const payload = store.live(this.#key(id));
      return payload && structuredClone(payload);
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      const id = store.live(`${this.#model}:uid:${uid}`)?.id;
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      const id = store.live(`${this.#model}:userCode:${userCode}`)?.id;
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async consume(id: string): Promise<void> {
      const payload = store.live(this.#key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      store.entries.delete(this.#key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of store.byGrant.get(grantId) ?? []) store.entries.delete(key);
      store.byGrant.delete(grantId);
    }
  };
}
