import type { GateCondition, RoomGate } from '../../../shared/content/gates.ts';
import type { ContentRegistry } from '../../content/registry.ts';
import { conditionsOf } from '../../domain/gates.ts';

/** The deployment's contract addresses by name (LoungePass, Prizes, PartnerPass, ...). */
export type ContractAddresses = Readonly<Record<string, string | undefined>>;

/** The lowercase address a gate's `contract` names (a deployment contract by name, or the 0x address itself). */
export function gateContractAddress(contract: string, contracts: ContractAddresses): string | undefined {
  if (contract.startsWith('0x')) return contract.toLowerCase();
  return contracts[contract]?.toLowerCase();
}

/** Prizes' ERC-1155 holdings come from the prize indexer (prize_transfers); every other condition from the NFT index. */
export function inPrizeIndex(condition: GateCondition, contracts: ContractAddresses): boolean {
  const prizes = contracts.Prizes?.toLowerCase();
  return (
    condition.standard === 'erc1155' &&
    prizes !== undefined &&
    gateContractAddress(condition.contract, contracts) === prizes
  );
}

/** The contracts the NFT index follows for these gates (lowercase, once each); unconfigured names are left out. */
export function nftIndexContracts(gates: readonly RoomGate[], contracts: ContractAddresses): string[] {
  const followed = new Set<string>();
  for (const gate of gates)
    for (const condition of conditionsOf(gate.rule)) {
      if (inPrizeIndex(condition, contracts)) continue;
      const address = gateContractAddress(condition.contract, contracts);
      if (address) followed.add(address);
    }
  return [...followed];
}

/** Keeps the index on the contracts the published gates name: now, and after every publish's swap. Returns stop. */
export function followPublishedGates(
  index: { follow(addresses: readonly string[]): void },
  content: Pick<ContentRegistry, 'current' | 'onSwap'>,
  contracts: ContractAddresses,
): () => void {
  index.follow(nftIndexContracts(content.current().bundle.gates, contracts));
  return content.onSwap((snapshot) => index.follow(nftIndexContracts(snapshot.bundle.gates, contracts)));
}
