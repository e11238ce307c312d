// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC1155Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Stamps} from "../../contracts/src/Stamps.sol";
import {ForgeBase, Vm} from "./Base.sol";
import {ReentrantReceiver} from "./Receivers.sol";

/// @notice Fuzzed rules of Stamps: only the minter mints, nothing ever transfers or approves, holders burn.
contract StampsTest is ForgeBase {
    address internal constant ADMIN = address(0xAD3117);
    address internal constant MINTER = address(0x0AC1E);
    bytes32 internal constant MINTER_ROLE = keccak256("MINTER_ROLE");
    Stamps internal stamps;

    function setUp() public {
        stamps = new Stamps(ADMIN, MINTER, "https://layover.test/stamps/{id}.json", "", FORWARDER);
    }

    uint256 internal _nextClaim;

    function _claims(uint256 count) internal returns (bytes32[] memory claimIds) {
        claimIds = new bytes32[](count);
        for (uint256 i; i < count; ++i) {
            claimIds[i] = bytes32(++_nextClaim);
        }
    }

    function _mintOne(address to, uint256 id) internal {
        address[] memory tos = new address[](1);
        uint256[] memory ids = new uint256[](1);
        (tos[0], ids[0]) = (to, id);
        vm.prank(MINTER);
        stamps.mintStamps(tos, ids, _claims(1));
    }

    function testFuzz_OnlyMinterMints(address caller, address to, uint256 id) public {
        vm.assume(caller != FORWARDER);
        vm.assume(caller != MINTER);
        address[] memory tos = new address[](1);
        uint256[] memory ids = new uint256[](1);
        (tos[0], ids[0]) = (to, id);
        vm.prank(caller);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, caller, MINTER_ROLE)
        );
        stamps.mintStamps(tos, ids, _claims(1));
    }

    function testFuzz_BatchMintAnnouncesLockOnce(uint8 countSeed, uint256 salt) public {
        uint256 count = bound(countSeed, 1, 40);
        address[] memory tos = new address[](count);
        uint256[] memory ids = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            tos[i] = address(uint160(uint256(keccak256(abi.encode(salt, i))) | (1 << 100)));
            ids[i] = (salt >> (i % 200)) % 5; // repeats ids inside the batch
        }
        vm.recordLogs();
        vm.prank(MINTER);
        stamps.mintStamps(tos, ids, _claims(count));
        vm.prank(MINTER);
        stamps.mintStamps(tos, ids, _claims(count));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 lockedEvents;
        uint256 distinct;
        for (uint256 id; id < 5; ++id) {
            for (uint256 i; i < count; ++i) {
                if (ids[i] == id) {
                    ++distinct;
                    break;
                }
            }
        }
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == Stamps.Locked.selector) ++lockedEvents;
        }
        assertEq(lockedEvents, distinct, "one Locked per stamp id, ever");
        for (uint256 i; i < count; ++i) {
            assertTrue(stamps.balanceOf(tos[i], ids[i]) >= 2, "minted twice");
            assertTrue(stamps.locked(ids[i]), "locked");
        }
    }

    function testFuzz_EveryTransferPathReverts(address holder, address to, address operator, uint256 id) public {
        vm.assume(holder != FORWARDER && operator != FORWARDER);
        vm.assume(isPlainAccount(holder) && holder != to && operator != holder);
        _mintOne(holder, id);
        uint256[] memory ids = new uint256[](1);
        uint256[] memory values = new uint256[](1);
        (ids[0], values[0]) = (id, 1);
        vm.startPrank(holder);
        vm.expectRevert(Stamps.StampsSoulbound.selector);
        stamps.safeTransferFrom(holder, to, id, 1, "");
        vm.expectRevert(Stamps.StampsSoulbound.selector);
        stamps.safeBatchTransferFrom(holder, to, ids, values, "");
        vm.expectRevert(Stamps.StampsSoulbound.selector);
        stamps.setApprovalForAll(operator, true);
        vm.stopPrank();
        vm.prank(operator);
        vm.expectRevert(
            abi.encodeWithSelector(IERC1155Errors.ERC1155MissingApprovalForAll.selector, operator, holder)
        );
        stamps.safeTransferFrom(holder, to, id, 1, "");
        assertTrue(!stamps.isApprovedForAll(holder, operator), "no approval");
        assertEq(stamps.balanceOf(holder, id), 1, "stamp stayed");
    }

    function testFuzz_HolderBurnsOnlyOwnStamps(address holder, address other, uint256 id) public {
        vm.assume(holder != FORWARDER && other != FORWARDER);
        vm.assume(isPlainAccount(holder) && isPlainAccount(other) && holder != other);
        _mintOne(holder, id);
        vm.prank(other);
        vm.expectRevert();
        stamps.burn(id, 1);
        vm.prank(holder);
        stamps.burn(id, 1);
        assertEq(stamps.balanceOf(holder, id), 0, "burned");
    }

    /// @dev Only the trusted forwarder's appended sender counts: relayed, the holder's stamp burns; appended by
    /// anyone else, the caller's own (empty) balance is burned from and the call reverts.
    function testFuzz_BurnActsForTheForwardedSigner(address holder, address other, uint256 id) public {
        vm.assume(holder != FORWARDER && other != FORWARDER);
        vm.assume(isPlainAccount(holder) && isPlainAccount(other) && holder != other);
        _mintOne(holder, id);
        bytes memory burnOne = abi.encodeCall(Stamps.burn, (id, 1));
        vm.prank(other);
        (bool spoofed,) = address(stamps).call(abi.encodePacked(burnOne, holder));
        assertTrue(!spoofed, "appended sender ignored");
        assertEq(stamps.balanceOf(holder, id), 1, "stamp stayed");
        vm.prank(FORWARDER);
        (bool relayed,) = address(stamps).call(abi.encodePacked(burnOne, holder));
        assertTrue(relayed, "relayed burn");
        assertEq(stamps.balanceOf(holder, id), 0, "the signer's stamp burned");
    }

    function testFuzz_ReceiverHookCannotMoveStamp(uint256 id) public {
        ReentrantReceiver receiver = new ReentrantReceiver(stamps);
        receiver.arm(abi.encodeCall(IERC1155.setApprovalForAll, (address(this), true)), "");
        _mintOne(address(receiver), id);
        assertEq(receiver.reentered(), 3, "hook tried approval and transfer");
        assertEq(receiver.succeeded(), 0, "approval, empty call and transfer all failed");
        assertEq(stamps.balanceOf(address(receiver), id), 1, "stamp stayed");
    }

    function test_RolesAndInterfaces() public {
        vm.expectRevert(Stamps.StampsZeroAddress.selector);
        new Stamps(address(0), MINTER, "", "", FORWARDER);
        vm.expectRevert(Stamps.StampsZeroAddress.selector);
        new Stamps(ADMIN, MINTER, "", "", address(0));
        address[] memory tos = new address[](2);
        uint256[] memory ids = new uint256[](1);
        vm.prank(MINTER);
        vm.expectRevert(abi.encodeWithSelector(Stamps.StampsLengthMismatch.selector, 2, 1));
        stamps.mintStamps(tos, ids, new bytes32[](2));
        assertTrue(stamps.supportsInterface(0xb45a3c0e) && stamps.supportsInterface(0xd9b67a26), "interfaces");
        assertTrue(stamps.hasRole(bytes32(0), ADMIN) && !stamps.hasRole(bytes32(0), MINTER), "admin is not minter");
    }

    function testFuzz_ClaimMintsOnce(address to, uint256 id, bytes32 claimId) public {
        vm.assume(to != address(0) && to.code.length == 0);
        address[] memory tos = new address[](1);
        uint256[] memory ids = new uint256[](1);
        bytes32[] memory claimIds = new bytes32[](1);
        (tos[0], ids[0], claimIds[0]) = (to, id, claimId);
        assertTrue(!stamps.claimed(claimId), "fresh claim");
        vm.prank(MINTER);
        stamps.mintStamps(tos, ids, claimIds);
        assertTrue(stamps.claimed(claimId), "claimed after mint");
        vm.prank(MINTER);
        vm.expectRevert(abi.encodeWithSelector(Stamps.StampsAlreadyClaimed.selector, claimId));
        stamps.mintStamps(tos, ids, claimIds);
        assertEq(stamps.balanceOf(to, id), 1, "minted once");
    }
}
