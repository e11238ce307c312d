import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type LocalAccount,
} from 'viem';
import { foundry } from 'viem/chains';

/** The smallest ERC-1271 contract account: valid signatures are its current owner's, over the hash itself. */
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

contract OwnerWallet {
    address public owner;

    constructor(address initialOwner) {
        owner = initialOwner;
    }

    function setOwner(address newOwner) external {
        require(msg.sender == owner, "OwnerWallet: not owner");
        owner = newOwner;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 65) return 0xffffffff;
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        address signer = ecrecover(hash, uint8(signature[64]), r, s);
        return signer != address(0) && signer == owner ? bytes4(0x1626ba7e) : bytes4(0xffffffff);
    }
}
`;

let compiled: Promise<{ abi: Abi; bytecode: Hex }> | undefined;

function compileOwnerWallet(): Promise<{ abi: Abi; bytecode: Hex }> {
  compiled ??= import('solc').then(({ default: solc }) => {
    const input = {
      language: 'Solidity',
      sources: { 'OwnerWallet.sol': { content: SOURCE } },
      settings: { outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
    };
    const output = JSON.parse(solc.compile(JSON.stringify(input)));
    const errors = (output.errors ?? []).filter((error: { severity: string }) => error.severity === 'error');
    if (errors.length > 0) throw new Error(`OwnerWallet: solc failed: ${JSON.stringify(errors)}`);
    const contract = output.contracts['OwnerWallet.sol'].OwnerWallet;
    return { abi: contract.abi as Abi, bytecode: `0x${contract.evm.bytecode.object}` as Hex };
  });
  return compiled;
}

/** Compiles and deploys an OwnerWallet owned by `owner` on a local anvil; `owner` also pays, and can hand it on. */
export async function deployOwnerWallet(
  rpcUrl: string,
  owner: LocalAccount,
): Promise<{ address: Address; setOwner: (next: Address) => Promise<void> }> {
  const { abi, bytecode } = await compileOwnerWallet();
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const walletClient = createWalletClient({ account: owner, chain: foundry, transport });
  const hash = await walletClient.deployContract({ abi, bytecode, args: [owner.address] });
  const { contractAddress } = await publicClient.waitForTransactionReceipt({ hash });
  if (!contractAddress) throw new Error('OwnerWallet: deployment created no contract');
  return {
    address: contractAddress,
    setOwner: async (next) => {
      const tx = await walletClient.writeContract({
        address: contractAddress,
        abi,
        functionName: 'setOwner',
        args: [next],
      });
      await publicClient.waitForTransactionReceipt({ hash: tx });
    },
  };
}
