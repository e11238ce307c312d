// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Prizes} from "../../contracts/src/Prizes.sol";
import {Stamps} from "../../contracts/src/Stamps.sol";
import {ForgeBase} from "./Base.sol";

/// @notice Random sequences of mints, vouchers, transfers, redemptions, pauses and minter rotations.
contract LoyaltyHandler is ForgeBase {
    uint256 public constant OPEN = 1;
    uint256 public constant BOUND = 2;
    uint256 public constant CLAIM_SPACE = 96;
    address internal constant ADMIN = address(0xAD3117);
    bytes32 internal constant MINTER_ROLE = keccak256("MINTER_ROLE");

    Prizes public immutable prizes;
    Stamps public immutable stamps;
    address[4] public actors = [address(0xA1), address(0xA2), address(0xA3), address(0xA4)];
    uint256[2] internal _minterKeys = [uint256(0xB0B1), uint256(0xB0B2)];
    uint256 internal _currentMinter;

    mapping(bytes32 claimId => bool) public used;
    uint256 public claimCount;
    uint256 public soulboundMoves;
    mapping(uint256 prizeId => mapping(address => uint256)) public minted;
    mapping(uint256 prizeId => mapping(address => uint256)) public redeemed;
    mapping(uint256 prizeId => uint256) public redeemedTotal;
    mapping(address => uint256) public stampsMinted;
    mapping(address => uint256) public stampsBurned;

    constructor() {
        prizes = new Prizes(ADMIN, vm.addr(_minterKeys[0]), "", "", FORWARDER);
        stamps = new Stamps(ADMIN, vm.addr(_minterKeys[0]), "", "", FORWARDER);
        vm.startPrank(ADMIN);
        prizes.addPrize(OPEN, 40, 0, false);
        prizes.addPrize(BOUND, 25, 3, true);
        vm.stopPrank();
    }

    function claimIdAt(uint256 index) public pure returns (bytes32) {
        // Two thirds sequential (sharing bitmap words), one third hashed (a word each).
        return index < 64 ? bytes32(index) : keccak256(abi.encode(index));
    }

    function mintPrize(uint256 actorSeed, uint256 prizeSeed, uint256 claimSeed) external {
        (address to, uint256 prizeId, bytes32 claimId) = _pick(actorSeed, prizeSeed, claimSeed);
        vm.prank(vm.addr(_minterKeys[_currentMinter]));
        try prizes.mintPrize(to, prizeId, claimId) {
            _record(to, prizeId, claimId);
        } catch {}
    }

    function mintPrizes(uint256 seed, uint8 countSeed) external {
        uint256 count = bound(countSeed, 1, 4);
        address[] memory tos = new address[](count);
        uint256[] memory ids = new uint256[](count);
        bytes32[] memory claims = new bytes32[](count);
        for (uint256 i; i < count; ++i) {
            uint256 s = uint256(keccak256(abi.encode(seed, i)));
            (tos[i], ids[i], claims[i]) = _pick(s, s >> 8, s >> 16);
        }
        vm.prank(vm.addr(_minterKeys[_currentMinter]));
        try prizes.mintPrizes(tos, ids, claims) {
            for (uint256 i; i < count; ++i) {
                _record(tos[i], ids[i], claims[i]);
            }
        } catch {}
    }

    function mintWithVoucher(uint256 actorSeed, uint256 prizeSeed, uint256 claimSeed, bool staleKey) external {
        (address to, uint256 prizeId, bytes32 claimId) = _pick(actorSeed, prizeSeed, claimSeed);
        uint256 key = _minterKeys[staleKey ? 1 - _currentMinter : _currentMinter];
        bytes memory sig = signature(key, prizes.voucherDigest(to, prizeId, claimId, block.timestamp));
        try prizes.mintWithVoucher(to, prizeId, claimId, block.timestamp, sig) {
            if (staleKey) revert("stale minter key accepted");
            _record(to, prizeId, claimId);
        } catch {}
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 prizeSeed, bool viaOperator, bool batch) external {
        address from = actors[fromSeed % 4];
        address to = actors[toSeed % 4];
        uint256 prizeId = prizeSeed % 2 == 0 ? OPEN : BOUND;
        address sender = from;
        if (viaOperator) {
            sender = actors[(fromSeed % 4 + 1) % 4];
            vm.prank(from);
            try prizes.setApprovalForAll(sender, true) {} catch {}
        }
        uint256[] memory ids = new uint256[](1);
        uint256[] memory values = new uint256[](1);
        (ids[0], values[0]) = (prizeId, 1);
        vm.prank(sender);
        if (batch) {
            try prizes.safeBatchTransferFrom(from, to, ids, values, "") {
                if (prizeId == BOUND) ++soulboundMoves;
            } catch {}
        } else {
            try prizes.safeTransferFrom(from, to, prizeId, 1, "") {
                if (prizeId == BOUND) ++soulboundMoves;
            } catch {}
        }
    }

    function redeem(uint256 actorSeed, uint256 prizeSeed) external {
        address member = actors[actorSeed % 4];
        uint256 prizeId = prizeSeed % 2 == 0 ? OPEN : BOUND;
        vm.prank(member);
        try prizes.redeem(prizeId, 1) {
            ++redeemed[prizeId][member];
            ++redeemedTotal[prizeId];
        } catch {}
    }

    function togglePause() external {
        bool paused = prizes.paused();
        vm.prank(ADMIN);
        if (paused) prizes.unpause();
        else prizes.pause();
    }

    function rotateMinter() external {
        address previous = vm.addr(_minterKeys[_currentMinter]);
        _currentMinter = 1 - _currentMinter;
        vm.startPrank(ADMIN);
        prizes.grantRole(MINTER_ROLE, vm.addr(_minterKeys[_currentMinter]));
        prizes.revokeRole(MINTER_ROLE, previous);
        stamps.grantRole(MINTER_ROLE, vm.addr(_minterKeys[_currentMinter]));
        stamps.revokeRole(MINTER_ROLE, previous);
        vm.stopPrank();
    }

    uint256 private _stampClaims;

    function mintStamp(uint256 actorSeed, uint8 id) external {
        address[] memory tos = new address[](1);
        uint256[] memory ids = new uint256[](1);
        (tos[0], ids[0]) = (actors[actorSeed % 4], id % 3);
        vm.prank(vm.addr(_minterKeys[_currentMinter]));
        bytes32[] memory claimIds = new bytes32[](1);
        claimIds[0] = bytes32(++_stampClaims);
        stamps.mintStamps(tos, ids, claimIds);
        ++stampsMinted[tos[0]];
    }

    function moveOrBurnStamp(uint256 fromSeed, uint256 toSeed, uint8 id, bool burn) external {
        address from = actors[fromSeed % 4];
        vm.prank(from);
        if (burn) {
            try stamps.burn(id % 3, 1) {
                ++stampsBurned[from];
            } catch {}
        } else {
            try stamps.safeTransferFrom(from, actors[toSeed % 4], id % 3, 1, "") {
                ++soulboundMoves;
            } catch {}
        }
    }

    function _pick(uint256 actorSeed, uint256 prizeSeed, uint256 claimSeed)
        internal
        view
        returns (address, uint256, bytes32)
    {
        return (actors[actorSeed % 4], prizeSeed % 2 == 0 ? OPEN : BOUND, claimIdAt(claimSeed % CLAIM_SPACE));
    }

    function _record(address to, uint256 prizeId, bytes32 claimId) internal {
        if (used[claimId]) revert("claim id minted twice");
        used[claimId] = true;
        ++claimCount;
        ++minted[prizeId][to];
    }
}

/// @notice Invariants over every sequence the handler can produce.
contract LoyaltyInvariants is ForgeBase {
    LoyaltyHandler internal handler;

    function setUp() public {
        handler = new LoyaltyHandler();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function invariant_MintedSupplyEqualsClaimedIds() public view {
        Prizes prizes = handler.prizes();
        uint256 supply = prizes.prize(handler.OPEN()).minted + prizes.prize(handler.BOUND()).minted;
        assertEq(supply, handler.claimCount(), "minted supply = successful claims");
        uint256 claimedIds;
        for (uint256 i; i < handler.CLAIM_SPACE(); ++i) {
            bytes32 claimId = handler.claimIdAt(i);
            bool onChain = prizes.claimed(claimId);
            assertTrue(onChain == handler.used(claimId), "claimed() matches the claims that minted");
            if (onChain) ++claimedIds;
        }
        assertEq(supply, claimedIds, "minted supply = claimed claim ids");
    }

    function invariant_CapsHold() public view {
        Prizes prizes = handler.prizes();
        for (uint256 p = 1; p <= 2; ++p) {
            Prizes.Prize memory rules = prizes.prize(p);
            assertTrue(rules.minted <= rules.maxSupply, "supply cap");
            for (uint256 a; a < 4; ++a) {
                if (rules.memberCap != 0) {
                    assertTrue(prizes.mintedTo(p, handler.actors(a)) <= rules.memberCap, "member cap");
                }
            }
        }
    }

    function invariant_UnitsConserved() public view {
        Prizes prizes = handler.prizes();
        for (uint256 p = 1; p <= 2; ++p) {
            uint256 held;
            for (uint256 a; a < 4; ++a) {
                held += prizes.balanceOf(handler.actors(a), p);
            }
            assertEq(held + handler.redeemedTotal(p), prizes.prize(p).minted, "held + redeemed = minted");
        }
    }

    function invariant_LockedTokensNeverMove() public view {
        Prizes prizes = handler.prizes();
        Stamps stamps = handler.stamps();
        uint256 bound_ = handler.BOUND();
        assertEq(handler.soulboundMoves(), 0, "no transfer of a locked token succeeded");
        for (uint256 a; a < 4; ++a) {
            address actor = handler.actors(a);
            assertEq(
                prizes.balanceOf(actor, bound_),
                handler.minted(bound_, actor) - handler.redeemed(bound_, actor),
                "soulbound prize balance = minted - redeemed"
            );
            uint256 stampBalance;
            for (uint256 id; id < 3; ++id) {
                stampBalance += stamps.balanceOf(actor, id);
            }
            assertEq(stampBalance, handler.stampsMinted(actor) - handler.stampsBurned(actor), "stamps stay");
        }
    }
}
