import { it } from 'vitest';
import { walletWithBarbara } from '../personas/support';
it('explore', async () => {
  const t = performance.now();
  const w = await walletWithBarbara();
  console.log('setup ms', performance.now() - t);
  console.log(JSON.stringify(await w.list()).slice(0, 600));
  console.log(w.db.tables.map((t) => t.name));
  const t2 = performance.now();
  for (let i = 0; i < 100; i++) await w.db.grants.toArray();
  console.log('100 toArray ms', performance.now() - t2);
});
