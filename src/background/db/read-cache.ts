// A cache in front of a table the background alone writes, for lookups made
// on every site call. Each write clears it before and after and bumps a
// count, and a read that overlapped a write is not kept — so a grant that was
// revoked, or a persona that was edited, is never served from here.
export class ReadCache<K, V> {
  private readonly values = new Map<K, V | null>();
  private writes = 0;

  async read(key: K, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const cached = this.values.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const before = this.writes;
    const value = await load();
    if (before === this.writes) this.values.set(key, value ?? null);
    return value;
  }

  async write<T>(change: () => Promise<T>): Promise<T> {
    this.writes++;
    this.values.clear();
    try {
      return await change();
    } finally {
      this.writes++;
      this.values.clear();
    }
  }
}
