// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";
import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

/// @title Layover Prizes
/// @notice ERC-1155 prizes with a supply cap and an optional per-member cap. Every mint carries a claim id that is
/// accepted once, whether sent by the minter or as an EIP-712 voucher the minter signed. Members may redeem and gift
/// through the trusted ERC-2771 forwarder without holding ETH. No `Multicall`: with ERC2771Context it lets a relayed
/// caller spoof senders (OpenZeppelin, December 2023).
contract Prizes is ERC1155, AccessControl, Pausable, EIP712, ERC2771Context {
    using BitMaps for BitMaps.BitMap;

    /// @notice Role allowed to mint prizes and sign vouchers (held by the server's oracle).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice EIP-712 type of a voucher.
    bytes32 public constant VOUCHER_TYPEHASH =
        keccak256("PrizeVoucher(address to,uint256 prizeId,bytes32 claimId,uint256 deadline)");

    bytes4 private constant _ERC5192_INTERFACE_ID = 0xb45a3c0e;

    /// @notice A prize's rules and count, packed in one storage slot.
    /// @param maxSupply Most units that can ever be minted.
    /// @param minted Units minted so far (redeemed units included).
    /// @param memberCap Most units one member can be minted; 0 for no limit.
    /// @param soulbound True when units cannot be transferred (ERC-5192 locked).
    /// @param exists True once the admin has added the prize.
    struct Prize {
        uint64 maxSupply;
        uint64 minted;
        uint32 memberCap;
        bool soulbound;
        bool exists;
    }

    mapping(uint256 prizeId => Prize) private _prizes;
    // Bit `claimId & 255` of word `claimId >> 8`: sequential claim ids share a word and cost ~5k gas instead of ~22k.
    BitMaps.BitMap private _claimedIds;
    mapping(uint256 prizeId => mapping(address member => uint256)) private _mintedTo;
    string private _contractURI;

    /// @dev An address parameter was the zero address.
    error PrizesZeroAddress();
    /// @dev The prize was never added.
    error PrizesUnknownPrize(uint256 prizeId);
    /// @dev The prize id is already taken.
    error PrizesPrizeExists(uint256 prizeId);
    /// @dev A prize needs a supply cap above zero.
    error PrizesZeroSupply(uint256 prizeId);
    /// @dev Every unit of the prize has been minted.
    error PrizesSoldOut(uint256 prizeId, uint64 maxSupply);
    /// @dev The member was already minted as many units as the prize allows per member.
    error PrizesMemberCapReached(uint256 prizeId, address member, uint32 memberCap);
    /// @dev The claim id was used by an earlier mint.
    error PrizesAlreadyClaimed(bytes32 claimId);
    /// @dev The arrays of a batch differ in length.
    error PrizesLengthMismatch();
    /// @dev The voucher's deadline has passed.
    error PrizesVoucherExpired(uint256 deadline);
    /// @dev The voucher was not signed by a holder of MINTER_ROLE (or for another chain, contract or content).
    error PrizesInvalidVoucherSigner(address signer);
    /// @dev The prize is soulbound and cannot be transferred.
    error PrizesSoulbound(uint256 prizeId);

    /// @notice Emitted when the admin adds a prize.
    event PrizeAdded(uint256 indexed prizeId, uint64 maxSupply, uint32 memberCap, bool soulbound);
    /// @notice Emitted when a member burns prizes to receive their perk.
    event PrizeRedeemed(address indexed member, uint256 indexed prizeId, uint256 amount);
    /// @notice ERC-5192: emitted when a soulbound prize is added.
    event Locked(uint256 tokenId);
    /// @notice Emitted when the metadata URI changes.
    event URIUpdated(string uri);
    /// @notice ERC-7572: emitted when the collection metadata URI changes.
    event ContractURIUpdated();

    /// @param admin Holder of DEFAULT_ADMIN_ROLE (the brand); it can pause, add prizes and rotate the minter.
    /// @param minter Holder of MINTER_ROLE (the oracle).
    /// @param uri_ ERC-1155 metadata URI with an `{id}` placeholder.
    /// @param contractURI_ ERC-7572 collection metadata URI.
    /// @param trustedForwarder_ The ERC-2771 forwarder whose relayed calls act for the signer (fixed for good).
    constructor(
        address admin,
        address minter,
        string memory uri_,
        string memory contractURI_,
        address trustedForwarder_
    ) ERC1155(uri_) EIP712("Layover Prizes", "1") ERC2771Context(trustedForwarder_) {
        if (admin == address(0) || minter == address(0) || trustedForwarder_ == address(0)) {
            revert PrizesZeroAddress();
        }
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, minter);
        _contractURI = contractURI_;
        emit ContractURIUpdated();
    }

    /// @notice Adds a prize; its rules cannot change afterwards.
    /// @param prizeId New prize id.
    /// @param maxSupply Most units that can ever be minted (above zero).
    /// @param memberCap Most units one member can be minted; 0 for no limit.
    /// @param soulbound True when units cannot be transferred.
    function addPrize(uint256 prizeId, uint64 maxSupply, uint32 memberCap, bool soulbound)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        if (_prizes[prizeId].exists) revert PrizesPrizeExists(prizeId);
        if (maxSupply == 0) revert PrizesZeroSupply(prizeId);
        _prizes[prizeId] = Prize(maxSupply, 0, memberCap, soulbound, true);
        emit PrizeAdded(prizeId, maxSupply, memberCap, soulbound);
        if (soulbound) emit Locked(prizeId);
    }

    /// @notice Mints one unit of `prizeId` to `to` for claim `claimId`.
    /// @param to Recipient; a contract must accept ERC-1155 tokens.
    /// @param prizeId The prize to mint.
    /// @param claimId Unique id of this claim; a second mint with it reverts.
    function mintPrize(address to, uint256 prizeId, bytes32 claimId) external onlyRole(MINTER_ROLE) whenNotPaused {
        _mintPrize(to, prizeId, claimId);
    }

    /// @notice Mints one unit of `prizeIds[i]` to `to[i]` for claim `claimIds[i]`, all in one transaction.
    /// @param to Recipients.
    /// @param prizeIds Prizes, one per recipient.
    /// @param claimIds Claim ids, one per recipient; any replay reverts the whole batch.
    function mintPrizes(address[] calldata to, uint256[] calldata prizeIds, bytes32[] calldata claimIds)
        external
        onlyRole(MINTER_ROLE)
        whenNotPaused
    {
        if (to.length != prizeIds.length || to.length != claimIds.length) revert PrizesLengthMismatch();
        for (uint256 i; i < to.length; ++i) {
            _mintPrize(to[i], prizeIds[i], claimIds[i]);
        }
    }

    /// @notice Mints with a voucher a MINTER_ROLE key signed; anyone may submit it, once, before its deadline.
    /// @param to Recipient named in the voucher.
    /// @param prizeId Prize named in the voucher.
    /// @param claimId Claim id named in the voucher.
    /// @param deadline Last valid block timestamp.
    /// @param signature 65-byte ECDSA signature over `voucherDigest`; high-s (malleable) signatures revert.
    function mintWithVoucher(
        address to,
        uint256 prizeId,
        bytes32 claimId,
        uint256 deadline,
        bytes calldata signature
    ) external whenNotPaused {
        if (block.timestamp > deadline) revert PrizesVoucherExpired(deadline);
        address signer = ECDSA.recover(voucherDigest(to, prizeId, claimId, deadline), signature);
        if (!hasRole(MINTER_ROLE, signer)) revert PrizesInvalidVoucherSigner(signer);
        _mintPrize(to, prizeId, claimId);
    }

    /// @notice Burns `amount` of the caller's `prizeId` to redeem its perk; relayed by the trusted forwarder, the
    /// caller is the member who signed the request.
    /// @param prizeId The prize to redeem.
    /// @param amount How many units to burn.
    function redeem(uint256 prizeId, uint256 amount) external {
        address member = _msgSender();
        _burn(member, prizeId, amount);
        emit PrizeRedeemed(member, prizeId, amount);
    }

    /// @notice Stops mints, vouchers, transfers and redemptions.
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    /// @notice Resumes mints, vouchers, transfers and redemptions.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    /// @notice Sets the metadata URI of every prize.
    /// @param uri_ The new URI, with an `{id}` placeholder.
    function setURI(string calldata uri_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setURI(uri_);
        emit URIUpdated(uri_);
    }

    /// @notice ERC-7572: sets the collection metadata URI.
    /// @param contractURI_ The new URI.
    function setContractURI(string calldata contractURI_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _contractURI = contractURI_;
        emit ContractURIUpdated();
    }

    /// @notice ERC-7572: the collection metadata URI (name, description, image of the whole contract).
    /// @return The URI.
    function contractURI() external view returns (string memory) {
        return _contractURI;
    }

    /// @notice Returns a prize's rules and how many units were minted.
    /// @param prizeId The prize to look up.
    /// @return The prize; `exists` is false for an unknown id.
    function prize(uint256 prizeId) external view returns (Prize memory) {
        return _prizes[prizeId];
    }

    /// @notice Returns how many units of `prizeId` were minted to `member` (counted only for member-capped prizes).
    /// @param prizeId The prize to look up.
    /// @param member The member to look up.
    /// @return The count.
    function mintedTo(uint256 prizeId, address member) external view returns (uint256) {
        return _mintedTo[prizeId][member];
    }

    /// @notice Returns whether a mint already used `claimId`.
    /// @param claimId The claim id to look up.
    /// @return True once used.
    function claimed(bytes32 claimId) external view returns (bool) {
        return _claimedIds.get(uint256(claimId));
    }

    /// @notice ERC-5192: whether units of `prizeId` are soulbound.
    /// @param prizeId The prize to look up.
    /// @return True when transfers of that prize revert.
    function locked(uint256 prizeId) external view returns (bool) {
        Prize storage p = _prizes[prizeId];
        if (!p.exists) revert PrizesUnknownPrize(prizeId);
        return p.soulbound;
    }

    /// @notice The EIP-712 digest a MINTER_ROLE key signs for a voucher, bound to this chain and contract.
    /// @param to Recipient.
    /// @param prizeId The prize.
    /// @param claimId The claim id.
    /// @param deadline Last valid block timestamp.
    /// @return The digest.
    function voucherDigest(address to, uint256 prizeId, bytes32 claimId, uint256 deadline)
        public
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(keccak256(abi.encode(VOUCHER_TYPEHASH, to, prizeId, claimId, deadline)));
    }

    /// @inheritdoc ERC1155
    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, AccessControl) returns (bool) {
        return interfaceId == _ERC5192_INTERFACE_ID || super.supportsInterface(interfaceId);
    }

    /// @dev Transfers and burns stop while paused; transfers of soulbound prizes always revert. Mints are checked
    /// by their entry points, so a mint pays nothing here.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        if (from != address(0)) {
            _requireNotPaused();
            if (to != address(0)) {
                for (uint256 i; i < ids.length; ++i) {
                    if (_prizes[ids[i]].soulbound) revert PrizesSoulbound(ids[i]);
                }
            }
        }
        super._update(from, to, ids, values);
    }

    // Effects before the receiver hook in `_mint`: a reentrant call sees the claim used and the supply counted.
    function _mintPrize(address to, uint256 prizeId, bytes32 claimId) private {
        _claim(claimId);
        Prize storage p = _prizes[prizeId];
        Prize memory rules = p;
        if (!rules.exists) revert PrizesUnknownPrize(prizeId);
        if (rules.minted >= rules.maxSupply) revert PrizesSoldOut(prizeId, rules.maxSupply);
        p.minted = rules.minted + 1;
        if (rules.memberCap != 0) {
            uint256 count = ++_mintedTo[prizeId][to];
            if (count > rules.memberCap) revert PrizesMemberCapReached(prizeId, to, rules.memberCap);
        }
        _mint(to, prizeId, 1, "");
    }

    function _claim(bytes32 claimId) private {
        uint256 key = uint256(claimId);
        if (_claimedIds.get(key)) revert PrizesAlreadyClaimed(claimId);
        _claimedIds.set(key);
    }

    /// @dev The signer of a request relayed by the trusted forwarder, else `msg.sender`.
    function _msgSender() internal view override(Context, ERC2771Context) returns (address) {
        return ERC2771Context._msgSender();
    }

    /// @dev The calldata without the sender suffix the trusted forwarder appends.
    function _msgData() internal view override(Context, ERC2771Context) returns (bytes calldata) {
        return ERC2771Context._msgData();
    }

    /// @dev 20 bytes: the sender address the trusted forwarder appends.
    function _contextSuffixLength() internal view override(Context, ERC2771Context) returns (uint256) {
        return ERC2771Context._contextSuffixLength();
    }
}
