import { describe, expect, it } from 'vitest';
import {
  createWalletConfig,
  createWalletConnectors,
  WALLET_APP_NAME,
  walletGroups,
} from '../../client/wallet/walletConfig.ts';

/**
 * Which wallets RainbowKit offers follows WALLETCONNECT_PROJECT_ID, served at run time: browser wallets alone
 * without it, RainbowKit's WalletConnect wallets added with it. The relay is unreachable from test machines, so this
 * checks the configuration only: no connector is set up, nothing is connected.
 */

/** The wallet ids a wallet list resolves to, with the given project id. */
function walletIds(projectId: string | null) {
  return walletGroups(projectId).flatMap((group) =>
    group.wallets.map(
      (createWallet) => createWallet({ projectId: projectId ?? 'unused', appName: WALLET_APP_NAME }).id,
    ),
  );
}

describe('wallet configuration', () => {
  it('offers browser wallets only when no WalletConnect project id is served', () => {
    for (const projectId of [null, undefined, '']) {
      const groups = walletGroups(projectId);
      expect(groups.map((group) => group.groupName)).toEqual(['Browser']);
    }
    expect(walletIds(null)).toEqual(['injected']);
    expect(createWalletConnectors(null)).toHaveLength(1);
  });

  it("adds RainbowKit's WalletConnect wallets when a project id is served", () => {
    const ids = walletIds('0123456789abcdef0123456789abcdef');
    expect(ids[0]).toBe('injected');
    expect(ids).toContain('walletConnect');
    expect(ids).toEqual(expect.arrayContaining(['rainbow', 'metaMask']));
    // One connector per wallet at least (RainbowKit adds a QR-code connector for some).
    expect(createWalletConnectors('0123456789abcdef0123456789abcdef').length).toBeGreaterThanOrEqual(
      ids.length,
    );
  });

  it('builds an injected-only wagmi config on the reported chain without any WalletConnect connector', () => {
    const config = createWalletConfig(31337, 'http://127.0.0.1:2567/rpc', null);
    expect(config.chains.map((chain) => chain.id)).toEqual([31337]);
    const types = config.connectors.map((connector) => connector.type);
    expect(types).not.toContain('walletConnect');
    expect(types).toContain('injected');
  });
});
