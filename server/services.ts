import type { PublicClient } from 'viem';
import type { GateService } from './chain/gate-service.ts';
import type { OracleService } from './chain/oracle/service.ts';
import type { Config } from './config.ts';
import type { Ledger } from './db/open.ts';

/** What rooms and routes of this process need; set once at boot, before any room is created. */
export interface Services {
  config: Config;
  ledger: Ledger;
  chain: {
    chainId: number;
    contracts: Record<string, `0x${string}`>;
    rpcUrl: string;
    /** Reads the chain; verifies signatures of smart-contract accounts (ERC-1271, ERC-6492). */
    publicClient: PublicClient;
  };
  /** Gate rules, ownership reads and holdings changes for the gated rooms. */
  gates: GateService;
  /** The prize oracle of this process (minting when it leads); set once rooms are listening. */
  oracle?: OracleService;
}

let current: Services | undefined;

export function setServices(services: Services | undefined): void {
  current = services;
}

/** The services of this process; throws if boot has not provided them yet. */
export function services(): Services {
  if (!current) throw new Error('Layover: services used before boot');
  return current;
}
