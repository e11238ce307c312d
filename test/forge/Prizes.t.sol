// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC1155Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";
import {LayoverForwarder} from "../../contracts/src/LayoverForwarder.sol";
import {Prizes} from "../../contracts/src/Prizes.sol";
import {ForgeBase, Vm} from "./Base.sol";
import {ReentrantReceiver, RejectingReceiver} from "./Receivers.sol";

/// @notice Fuzzed rules of Prizes: roles, caps, claim ids, vouchers, pause, rotation, soulbound, reentrancy, relaying.
contract PrizesTest is ForgeBase {
    address internal constant ADMIN = address(0xAD3117);
    uint256 internal constant MINTER_KEY = 0xA11CE;
    uint256 internal constant OPEN = 1; // transferable, 1,000 units, no member cap
    uint256 internal constant BOUND = 2; // soulbound, 1,000 units, no member cap
    bytes32 internal constant MINTER_ROLE = keccak256("MINTER_ROLE");
    address internal minter;
    Prizes internal prizes;
    // Fuzzed callers skip it: a call from the trusted forwarder reads its sender from the calldata's last 20 bytes.
    LayoverForwarder internal forwarder;

    function setUp() public {
        minter = vm.addr(MINTER_KEY);
        forwarder = new LayoverForwarder();
        prizes = new Prizes(ADMIN, minter, "https://layover.test/prizes/{id}.json", "", address(forwarder));
        vm.startPrank(ADMIN);
        prizes.addPrize(OPEN, 1000, 0, false);
        prizes.addPrize(BOUND, 1000, 0, true);
        vm.stopPrank();
    }

    function _voucher(uint256 key, address to, uint256 prizeId, bytes32 claimId, uint256 deadline)
        internal
        view
        returns (bytes memory)
    {
        return signature(key, prizes.voucherDigest(to, prizeId, claimId, deadline));
    }

    function testFuzz_OnlyMinterMints(address caller, address to, bytes32 claimId) public {
        vm.assume(caller != address(forwarder));
        vm.assume(caller != minter && isPlainAccount(to));
        bytes memory denied = abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector, caller, MINTER_ROLE
        );
        vm.prank(caller);
        vm.expectRevert(denied);
        prizes.mintPrize(to, OPEN, claimId);
        address[] memory tos = new address[](1);
        uint256[] memory ids = new uint256[](1);
        bytes32[] memory claims = new bytes32[](1);
        (tos[0], ids[0], claims[0]) = (to, OPEN, claimId);
        vm.prank(caller);
        vm.expectRevert(denied);
        prizes.mintPrizes(tos, ids, claims);
        assertTrue(!prizes.claimed(claimId), "claim id untouched");
    }

    function testFuzz_OnlyAdminManages(address caller, uint256 prizeId) public {
        vm.assume(caller != address(forwarder));
        vm.assume(caller != ADMIN);
        bytes memory denied = abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector, caller, bytes32(0)
        );
        vm.startPrank(caller);
        vm.expectRevert(denied);
        prizes.addPrize(prizeId, 1, 0, false);
        vm.expectRevert(denied);
        prizes.pause();
        vm.expectRevert(denied);
        prizes.unpause();
        vm.expectRevert(denied);
        prizes.setURI("x");
        vm.expectRevert(denied);
        prizes.grantRole(MINTER_ROLE, caller);
        vm.stopPrank();
    }

    function testFuzz_SupplyCap(uint256 maxSeed, uint256 attemptSeed, address to) public {
        vm.assume(isPlainAccount(to));
        uint64 maxSupply = uint64(bound(maxSeed, 1, 40));
        uint256 attempts = bound(attemptSeed, 1, 60);
        vm.prank(ADMIN);
        prizes.addPrize(7, maxSupply, 0, false);
        for (uint256 i; i < attempts; ++i) {
            if (i >= maxSupply) vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesSoldOut.selector, 7, maxSupply));
            vm.prank(minter);
            prizes.mintPrize(to, 7, bytes32(i));
        }
        uint256 want = attempts < maxSupply ? attempts : maxSupply;
        assertEq(prizes.prize(7).minted, want, "minted");
        assertEq(prizes.balanceOf(to, 7), want, "balance");
    }

    function testFuzz_MemberCap(uint256 capSeed, uint256 attemptSeed, address to, address other) public {
        vm.assume(isPlainAccount(to) && isPlainAccount(other) && to != other);
        uint32 cap = uint32(bound(capSeed, 1, 6));
        uint256 attempts = bound(attemptSeed, 1, 12);
        vm.prank(ADMIN);
        prizes.addPrize(8, 100, cap, false);
        for (uint256 i; i < attempts; ++i) {
            if (i >= cap) {
                vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesMemberCapReached.selector, 8, to, cap));
            }
            vm.prank(minter);
            prizes.mintPrize(to, 8, bytes32(i));
        }
        vm.prank(minter);
        prizes.mintPrize(other, 8, bytes32(uint256(1000)));
        assertEq(prizes.balanceOf(to, 8), attempts < cap ? attempts : cap, "capped member");
        assertEq(prizes.balanceOf(other, 8), 1, "other member unaffected");
    }

    function testFuzz_ClaimIdReplay(bytes32 claimId, address to, address other) public {
        vm.assume(isPlainAccount(to) && isPlainAccount(other));
        vm.prank(minter);
        prizes.mintPrize(to, OPEN, claimId);
        assertTrue(prizes.claimed(claimId), "claimed");
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesAlreadyClaimed.selector, claimId));
        prizes.mintPrize(other, BOUND, claimId);

        // A batch reusing a claim id (its own or an earlier one) reverts as a whole.
        address[] memory tos = new address[](2);
        uint256[] memory ids = new uint256[](2);
        bytes32[] memory claims = new bytes32[](2);
        (tos[0], tos[1], ids[0], ids[1]) = (other, other, OPEN, OPEN);
        (claims[0], claims[1]) = (~claimId, claimId);
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesAlreadyClaimed.selector, claimId));
        prizes.mintPrizes(tos, ids, claims);
        assertTrue(!prizes.claimed(~claimId), "batch rolled back");
        assertEq(prizes.prize(OPEN).minted, 1, "supply counts one claim");
    }

    function testFuzz_BatchMintsEachRecipient(uint8 countSeed, uint256 salt) public {
        uint256 count = bound(countSeed, 1, 30);
        address[] memory tos = new address[](count);
        uint256[] memory ids = new uint256[](count);
        bytes32[] memory claims = new bytes32[](count);
        for (uint256 i; i < count; ++i) {
            tos[i] = address(uint160(uint256(keccak256(abi.encode(salt, i))) | (1 << 100)));
            ids[i] = i % 2 == 0 ? OPEN : BOUND;
            claims[i] = keccak256(abi.encode(salt, "claim", i));
        }
        vm.prank(minter);
        prizes.mintPrizes(tos, ids, claims);
        for (uint256 i; i < count; ++i) {
            assertTrue(prizes.claimed(claims[i]), "claimed");
            assertTrue(prizes.balanceOf(tos[i], ids[i]) >= 1, "minted");
        }
        assertEq(prizes.prize(OPEN).minted + prizes.prize(BOUND).minted, count, "supply = claims");
    }

    function testFuzz_VoucherMintsOnce(address to, bytes32 claimId, uint256 deadline, uint256 now_, address relayer)
        public
    {
        vm.assume(relayer != address(forwarder));
        vm.assume(isPlainAccount(to));
        now_ = bound(now_, 1, type(uint64).max);
        deadline = bound(deadline, now_, type(uint256).max - 1);
        vm.warp(now_);
        bytes memory sig = _voucher(MINTER_KEY, to, OPEN, claimId, deadline);
        vm.prank(relayer);
        prizes.mintWithVoucher(to, OPEN, claimId, deadline, sig);
        assertEq(prizes.balanceOf(to, OPEN), 1, "voucher minted");
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesAlreadyClaimed.selector, claimId));
        prizes.mintWithVoucher(to, OPEN, claimId, deadline, sig);
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesAlreadyClaimed.selector, claimId));
        prizes.mintPrize(to, OPEN, claimId);
    }

    function testFuzz_VoucherExpired(address to, bytes32 claimId, uint256 deadline, uint256 late) public {
        vm.assume(isPlainAccount(to));
        deadline = bound(deadline, 0, type(uint64).max);
        vm.warp(deadline + bound(late, 1, 365 days));
        bytes memory sig = _voucher(MINTER_KEY, to, OPEN, claimId, deadline);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesVoucherExpired.selector, deadline));
        prizes.mintWithVoucher(to, OPEN, claimId, deadline, sig);
    }

    function testFuzz_VoucherWrongChain(address to, bytes32 claimId, uint64 otherChain) public {
        vm.assume(isPlainAccount(to) && otherChain != block.chainid);
        uint256 here = block.chainid;
        vm.chainId(otherChain);
        bytes memory sig = _voucher(MINTER_KEY, to, OPEN, claimId, type(uint64).max);
        vm.chainId(here);
        vm.expectRevert();
        prizes.mintWithVoucher(to, OPEN, claimId, type(uint64).max, sig);
        assertTrue(!prizes.claimed(claimId), "not claimed");
    }

    function testFuzz_VoucherWrongContract(address to, bytes32 claimId) public {
        vm.assume(isPlainAccount(to));
        Prizes twin = new Prizes(ADMIN, minter, "", "", address(forwarder));
        bytes memory sig = signature(MINTER_KEY, twin.voucherDigest(to, OPEN, claimId, type(uint64).max));
        vm.expectRevert();
        prizes.mintWithVoucher(to, OPEN, claimId, type(uint64).max, sig);
        assertTrue(!prizes.claimed(claimId), "not claimed");
    }

    function testFuzz_VoucherWrongSignerOrContent(uint256 keySeed, address to, address thief, bytes32 claimId)
        public
    {
        uint256 key = boundKey(keySeed);
        vm.assume(key != MINTER_KEY && isPlainAccount(to) && isPlainAccount(thief) && to != thief);
        bytes memory forged = _voucher(key, to, OPEN, claimId, type(uint64).max);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesInvalidVoucherSigner.selector, vm.addr(key)));
        prizes.mintWithVoucher(to, OPEN, claimId, type(uint64).max, forged);

        bytes memory genuine = _voucher(MINTER_KEY, to, OPEN, claimId, type(uint64).max);
        vm.expectRevert();
        prizes.mintWithVoucher(thief, OPEN, claimId, type(uint64).max, genuine);
        vm.expectRevert();
        prizes.mintWithVoucher(to, BOUND, claimId, type(uint64).max, genuine);
        vm.expectRevert();
        prizes.mintWithVoucher(to, OPEN, ~claimId, type(uint64).max, genuine);
        vm.expectRevert();
        prizes.mintWithVoucher(to, OPEN, claimId, type(uint64).max - 1, genuine);
        assertTrue(!prizes.claimed(claimId) && !prizes.claimed(~claimId), "not claimed");
    }

    function testFuzz_VoucherMalleableRejected(address to, bytes32 claimId) public {
        vm.assume(isPlainAccount(to));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(MINTER_KEY, prizes.voucherDigest(to, OPEN, claimId, 1e12));
        bytes32 highS = bytes32(SECP256K1_N - uint256(s));
        bytes memory twin = abi.encodePacked(r, highS, v == 27 ? uint8(28) : uint8(27));
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureS.selector, highS));
        prizes.mintWithVoucher(to, OPEN, claimId, 1e12, twin);
        prizes.mintWithVoucher(to, OPEN, claimId, 1e12, abi.encodePacked(r, s, v));
        assertEq(prizes.balanceOf(to, OPEN), 1, "low-s original mints");
    }

    function testFuzz_PauseStopsEverything(address to, address other, bytes32 claimId) public {
        vm.assume(to != address(forwarder) && other != address(forwarder));
        vm.assume(isPlainAccount(to) && isPlainAccount(other) && to != other);
        vm.prank(minter);
        prizes.mintPrize(to, OPEN, claimId);
        vm.prank(ADMIN);
        prizes.pause();
        bytes4 paused = Pausable.EnforcedPause.selector;
        vm.prank(minter);
        vm.expectRevert(paused);
        prizes.mintPrize(to, OPEN, ~claimId);
        bytes memory sig = _voucher(MINTER_KEY, to, OPEN, ~claimId, 1e12);
        vm.expectRevert(paused);
        prizes.mintWithVoucher(to, OPEN, ~claimId, 1e12, sig);
        vm.prank(to);
        vm.expectRevert(paused);
        prizes.safeTransferFrom(to, other, OPEN, 1, "");
        vm.prank(to);
        vm.expectRevert(paused);
        prizes.redeem(OPEN, 1);

        vm.prank(ADMIN);
        prizes.unpause();
        prizes.mintWithVoucher(to, OPEN, ~claimId, 1e12, sig);
        vm.prank(to);
        prizes.safeTransferFrom(to, other, OPEN, 1, "");
        assertEq(prizes.balanceOf(other, OPEN), 1, "transfer after unpause");
    }

    function testFuzz_MinterRotation(uint256 keySeed, address to, bytes32 claimId) public {
        uint256 newKey = boundKey(keySeed);
        vm.assume(newKey != MINTER_KEY && isPlainAccount(to));
        address newMinter = vm.addr(newKey);
        bytes memory oldVoucher = _voucher(MINTER_KEY, to, OPEN, claimId, 1e12);
        vm.startPrank(ADMIN);
        prizes.grantRole(MINTER_ROLE, newMinter);
        prizes.revokeRole(MINTER_ROLE, minter);
        vm.stopPrank();

        vm.prank(minter);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, minter, MINTER_ROLE)
        );
        prizes.mintPrize(to, OPEN, claimId);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesInvalidVoucherSigner.selector, minter));
        prizes.mintWithVoucher(to, OPEN, claimId, 1e12, oldVoucher);

        prizes.mintWithVoucher(to, OPEN, claimId, 1e12, _voucher(newKey, to, OPEN, claimId, 1e12));
        vm.prank(newMinter);
        prizes.mintPrize(to, OPEN, ~claimId);
        assertEq(prizes.balanceOf(to, OPEN), 2, "new key mints");
    }

    function testFuzz_SoulboundNeverMoves(address holder, address operator, address to, uint8 amountSeed) public {
        vm.assume(holder != address(forwarder) && operator != address(forwarder));
        vm.assume(isPlainAccount(holder) && isPlainAccount(to) && isPlainAccount(operator));
        vm.assume(holder != to && holder != operator);
        uint256 amount = bound(amountSeed, 1, 3);
        for (uint256 i; i < amount; ++i) {
            vm.prank(minter);
            prizes.mintPrize(holder, BOUND, bytes32(i));
            vm.prank(minter);
            prizes.mintPrize(holder, OPEN, bytes32(i + 100));
        }
        assertTrue(prizes.locked(BOUND) && !prizes.locked(OPEN), "locked flags");
        bytes memory soulbound = abi.encodeWithSelector(Prizes.PrizesSoulbound.selector, BOUND);
        vm.prank(holder);
        vm.expectRevert(soulbound);
        prizes.safeTransferFrom(holder, to, BOUND, 1, "");

        uint256[] memory ids = new uint256[](2);
        uint256[] memory values = new uint256[](2);
        (ids[0], ids[1], values[0], values[1]) = (OPEN, BOUND, 1, 1);
        vm.prank(holder);
        vm.expectRevert(soulbound);
        prizes.safeBatchTransferFrom(holder, to, ids, values, "");

        vm.prank(holder);
        prizes.setApprovalForAll(operator, true);
        vm.prank(operator);
        vm.expectRevert(soulbound);
        prizes.safeTransferFrom(holder, to, BOUND, 1, "");

        assertEq(prizes.balanceOf(holder, BOUND), amount, "soulbound stayed");
        vm.prank(operator);
        prizes.safeTransferFrom(holder, to, OPEN, 1, "");
        assertEq(prizes.balanceOf(to, OPEN), 1, "transferable prize moved");
        vm.prank(holder);
        prizes.redeem(BOUND, 1);
        assertEq(prizes.balanceOf(holder, BOUND), amount - 1, "soulbound prize redeemable");
    }

    function testFuzz_RedeemBurns(address holder, uint8 mintedSeed, uint8 redeemSeed) public {
        vm.assume(holder != address(forwarder));
        vm.assume(isPlainAccount(holder));
        uint256 minted = bound(mintedSeed, 1, 5);
        uint256 redeemed = bound(redeemSeed, 1, 8);
        for (uint256 i; i < minted; ++i) {
            vm.prank(minter);
            prizes.mintPrize(holder, OPEN, bytes32(i));
        }
        if (redeemed > minted) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IERC1155Errors.ERC1155InsufficientBalance.selector, holder, minted, redeemed, OPEN
                )
            );
        }
        vm.prank(holder);
        prizes.redeem(OPEN, redeemed);
        assertEq(prizes.balanceOf(holder, OPEN), redeemed > minted ? minted : minted - redeemed, "balance");
        assertEq(prizes.prize(OPEN).minted, minted, "supply counts redeemed units");
    }

    function testFuzz_ReentrantReceiverCannotReplayOrOverMint(bytes32 claimId, bytes32 otherClaim) public {
        vm.assume(claimId != otherClaim);
        vm.prank(ADMIN);
        prizes.addPrize(9, 1, 0, true);
        ReentrantReceiver receiver = new ReentrantReceiver(prizes);
        address to = address(receiver);
        receiver.arm(
            abi.encodeCall(
                Prizes.mintWithVoucher, (to, 9, claimId, 1e12, _voucher(MINTER_KEY, to, 9, claimId, 1e12))
            ),
            abi.encodeCall(
                Prizes.mintWithVoucher,
                (to, 9, otherClaim, 1e12, _voucher(MINTER_KEY, to, 9, otherClaim, 1e12))
            )
        );
        prizes.mintWithVoucher(to, 9, claimId, 1e12, _voucher(MINTER_KEY, to, 9, claimId, 1e12));
        assertEq(receiver.reentered(), 3, "hook tried replay, second claim, soulbound transfer");
        assertEq(receiver.succeeded(), 0, "every reentrant call failed");
        assertEq(prizes.balanceOf(to, 9), 1, "one unit");
        assertEq(prizes.prize(9).minted, 1, "supply one");
        assertTrue(!prizes.claimed(otherClaim), "other claim unused");
    }

    function testFuzz_RejectingReceiverKeepsClaimFree(bytes32 claimId, address member) public {
        vm.assume(isPlainAccount(member));
        RejectingReceiver wall = new RejectingReceiver();
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(IERC1155Errors.ERC1155InvalidReceiver.selector, address(wall)));
        prizes.mintPrize(address(wall), OPEN, claimId);
        assertTrue(!prizes.claimed(claimId), "claim rolled back");
        vm.prank(minter);
        prizes.mintPrize(member, OPEN, claimId);
        assertEq(prizes.prize(OPEN).minted, 1, "supply");
    }

    /// @dev A request the forwarder executes for `from`, signed with `key` over the "Layover Forwarder" v1 domain.
    function _forwardRequest(uint256 key, address from, bytes memory data)
        internal
        view
        returns (ERC2771Forwarder.ForwardRequestData memory)
    {
        uint48 deadline = uint48(block.timestamp + 1 hours);
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,uint48 deadline,bytes data)"
                ),
                from,
                address(prizes),
                0,
                200_000,
                forwarder.nonces(from),
                deadline,
                keccak256(data)
            )
        );
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Layover Forwarder"),
                keccak256("1"),
                block.chainid,
                address(forwarder)
            )
        );
        bytes memory sig = signature(key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return ERC2771Forwarder.ForwardRequestData(from, address(prizes), 0, 200_000, deadline, data, sig);
    }

    function testFuzz_RelayedRedeemBurnsTheSigner(uint256 keySeed, uint256 otherSeed, uint8 mintedSeed, address relayer)
        public
    {
        uint256 key = boundKey(keySeed);
        uint256 otherKey = boundKey(otherSeed);
        address member = vm.addr(key);
        vm.assume(key != otherKey && isPlainAccount(member) && relayer != address(forwarder));
        uint256 minted = bound(mintedSeed, 1, 5);
        for (uint256 i; i < minted; ++i) {
            vm.prank(minter);
            prizes.mintPrize(member, OPEN, keccak256(abi.encode(member, i)));
        }
        bytes memory redeemOne = abi.encodeCall(Prizes.redeem, (OPEN, 1));

        ERC2771Forwarder.ForwardRequestData memory forged = _forwardRequest(otherKey, member, redeemOne);
        ERC2771Forwarder.ForwardRequestData memory request = _forwardRequest(key, member, redeemOne);
        vm.prank(relayer);
        vm.expectRevert();
        forwarder.execute(forged);

        vm.recordLogs();
        vm.prank(relayer);
        forwarder.execute(request);
        assertEq(prizes.balanceOf(member, OPEN), minted - 1, "the signer's unit burned");
        bytes32 redeemedTopic = keccak256("PrizeRedeemed(address,uint256,uint256)");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bool named;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == redeemedTopic) named = logs[i].topics[1] == bytes32(uint256(uint160(member)));
        }
        assertTrue(named, "PrizeRedeemed names the signer");

        vm.prank(relayer);
        vm.expectRevert();
        forwarder.execute(request);
        assertEq(prizes.balanceOf(member, OPEN), minted - 1, "a replay burns nothing");
    }

    function testFuzz_AppendedSenderIgnoredFromOthers(address caller, address victim) public {
        vm.assume(caller != address(forwarder) && caller != victim && isPlainAccount(victim));
        vm.prank(minter);
        prizes.mintPrize(victim, OPEN, keccak256(abi.encode(victim)));
        vm.startPrank(caller);
        (bool redeemed,) = address(prizes).call(abi.encodePacked(abi.encodeCall(Prizes.redeem, (OPEN, 1)), victim));
        (bool moved,) = address(prizes).call(
            abi.encodePacked(abi.encodeCall(prizes.safeTransferFrom, (victim, caller, OPEN, 1, "")), victim)
        );
        vm.stopPrank();
        assertTrue(!redeemed && !moved, "appended sender ignored");
        assertEq(prizes.balanceOf(victim, OPEN), 1, "victim keeps the prize");
    }

    function test_AddPrizeRules() public {
        vm.startPrank(ADMIN);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesPrizeExists.selector, OPEN));
        prizes.addPrize(OPEN, 5, 0, false);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesZeroSupply.selector, 3));
        prizes.addPrize(3, 0, 0, false);
        vm.stopPrank();
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(Prizes.PrizesUnknownPrize.selector, 3));
        prizes.mintPrize(address(0xBEEF), 3, bytes32(0));
        assertTrue(prizes.supportsInterface(0xb45a3c0e) && prizes.supportsInterface(0xd9b67a26), "interfaces");
        assertTrue(prizes.MINTER_ROLE() == MINTER_ROLE, "role constant");
    }
}
