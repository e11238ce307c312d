import { describe, expect, it } from 'vitest';
import { RpcBudget } from '../../server/chain/rpc-budget.ts';
import { isRefusal, policedCall, type RelayedRpcCall } from '../../server/chain/rpc-policy.ts';

const call = (method: RelayedRpcCall['method'], params: unknown[]): RelayedRpcCall => ({
  jsonrpc: '2.0',
  id: 1,
  method,
  params,
});

describe('policedCall', () => {
  it('refuses a state override, a block override and extra params on any method', () => {
    const to = '0x00000000000000000000000000000000000100ed';
    expect(
      isRefusal(policedCall(call('eth_call', [{ to }, 'latest', { [to]: { code: '0x5b600056' } }]))),
    ).toBe(true);
    expect(isRefusal(policedCall(call('eth_estimateGas', [{ to }, 'latest', {}])))).toBe(true);
    expect(isRefusal(policedCall(call('eth_call', [{ to }, 'latest', {}, {}])))).toBe(true);
    expect(isRefusal(policedCall(call('eth_sendRawTransaction', ['0x00', 'extra'])))).toBe(true);
    expect(isRefusal(policedCall(call('eth_blockNumber', ['latest'])))).toBe(true);
  });

  it('refuses gas over 10,000,000 and gas that is no quantity; caps a call that names none', () => {
    expect(isRefusal(policedCall(call('eth_call', [{ gas: '0xffffffffff' }])))).toBe(true);
    expect(isRefusal(policedCall(call('eth_estimateGas', [{ gas: '0x989681' }])))).toBe(true);
    expect(isRefusal(policedCall(call('eth_call', [{ gas: 10_000_000 }])))).toBe(true);
    expect(isRefusal(policedCall(call('eth_call', ['0x1234'])))).toBe(true);
    expect(policedCall(call('eth_call', [{ gas: '0x989680' }, 'latest']))).toEqual(
      call('eth_call', [{ gas: '0x989680' }, 'latest']),
    );
    expect(policedCall(call('eth_estimateGas', [{ data: '0x' }]))).toEqual(
      call('eth_estimateGas', [{ data: '0x', gas: '0x989680' }]),
    );
  });

  it('passes other allowed calls unchanged', () => {
    const feeHistory = call('eth_feeHistory', ['0x4', 'latest', [25, 75]]);
    expect(policedCall(feeHistory)).toBe(feeHistory);
  });
});

describe('RpcBudget', () => {
  it('takes a batch whole or not at all, one call per item, and refills per second', () => {
    const budget = new RpcBudget({ burst: 40, perSecond: 10 });
    expect(budget.take('ip:a', 20, 0)).toBe(true);
    expect(budget.take('ip:a', 20, 0)).toBe(true);
    expect(budget.take('ip:a', 1, 0)).toBe(false);
    expect(budget.take('ip:b', 20, 0)).toBe(true);
    expect(budget.take('ip:a', 20, 1_000)).toBe(false);
    expect(budget.take('ip:a', 10, 1_000)).toBe(true);
    expect(budget.take('ip:a', 41, 60_000)).toBe(false);
  });

  it('forgets the longest-idle key when full', () => {
    const budget = new RpcBudget({ burst: 1, perSecond: 0 }, 2);
    expect(budget.take('a', 1, 0)).toBe(true);
    expect(budget.take('b', 1, 0)).toBe(true);
    expect(budget.take('c', 1, 0)).toBe(true);
    expect(budget.take('b', 1, 0)).toBe(false);
    expect(budget.take('a', 1, 0)).toBe(true);
  });
});
