// The figures results.json holds, in the order the table shows them. The
// names are a contract (later issues and dashboards read them).
import { RPCS } from './rpcs';
import type { Percentiles, Spread } from './lib/stats';

export interface FigureSpec {
  key: string;
  label: string;
  unit: 'B' | 'ms' | '×';
  /** Not measurable yet: left out of results.json and shown as such. */
  pending?: true;
}

export const FIGURES: FigureSpec[] = [
  { key: 'inpage_gzip_bytes', label: 'inpage provider, gzip -9', unit: 'B' },
  { key: 'content_gzip_bytes', label: 'content relay, gzip -9', unit: 'B' },
  { key: 'popup_gzip_bytes', label: 'popup html + JS/CSS, gzip -9', unit: 'B' },
  { key: 'chrome_zip_bytes', label: 'Chrome store zip', unit: 'B' },
  { key: 'page_load_overhead_ms', label: 'DOMContentLoaded overhead', unit: 'ms' },
  { key: 'page_load_floor_ms', label: 'same, any content script (floor)', unit: 'ms' },
  { key: 'echo_floor_ms', label: 'echo floor (page ⇄ worker)', unit: 'ms' },
  ...RPCS.flatMap((rpc): FigureSpec[] => [
    { key: rpc.key, label: `${rpc.label ?? rpc.method} round trip`, unit: 'ms' },
    ...(rpc.ratioKey ? [{ key: rpc.ratioKey, label: `${rpc.label ?? rpc.method} p50 / echo p50`, unit: '×' as const }] : []),
  ]),
  { key: 'sw_cold_roundtrip_ms', label: 'atsign_getGrant, worker stopped', unit: 'ms' },
  { key: 'unlock_ms', label: 'wallet_unlock (PBKDF2)', unit: 'ms' },
  { key: 'create_atsign_ms', label: 'wallet_createAtSign', unit: 'ms' },
  { key: 'popup_render_ms_1k_10k', label: 'popup render, 1k sites / 10k log', unit: 'ms' },
  { key: 'verify_signin_cold_ms', label: 'verifySignIn, atPlatform cold (root + atServer)', unit: 'ms' },
  { key: 'verify_signin_cached_ms', label: 'verifySignIn, atPlatform cached', unit: 'ms' },
  { key: 'verify_signin_offline_ms', label: 'verifySignIn, offline checks only', unit: 'ms' },
  { key: 'atserver_connect_auth_ms', label: 'Going online: wss to the atServer + PKAM', unit: 'ms' },
  { key: 'persona_sync_edit_to_other_wallet_ms', label: 'Personas: an edit shown in the other wallet', unit: 'ms' },
  { key: 'persona_sync_first_full_list_ms', label: 'Personas: first sync of a full list (20)', unit: 'ms' },
  { key: 'persona_sync_first_50_ms', label: 'Personas: first sync of 50', unit: 'ms' },
];

export type Figure = number | Percentiles;

/** bench/results.json: the named figures at the top level, then how they were spread and measured. */
export type Results = { [key: string]: unknown } & {
  spread: Record<string, Spread>;
  context: Record<string, unknown>;
};

/** The headline number of a figure: the value itself, or its p50. */
export const headline = (figure: Figure): number => (typeof figure === 'number' ? figure : figure.p50);
