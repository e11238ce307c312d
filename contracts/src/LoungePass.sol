// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";

/// @title Layover Lounge Pass
/// @notice ERC-721 membership pass with a tier (1 Silver, 2 Gold, 3 Platinum); soulbound tiers cannot be transferred.
/// The oracle raises or lowers a pass's tier; members may transfer through the trusted ERC-2771 forwarder. No
/// `Multicall` (with ERC2771Context it lets a relayed caller spoof senders, OpenZeppelin, December 2023).
contract LoungePass is ERC721, AccessControl, ERC2771Context {
    /// @notice Role allowed to mint passes (held by the server's oracle).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @notice Lowest valid tier (Silver).
    uint8 public constant MIN_TIER = 1;
    /// @notice Highest valid tier (Platinum).
    uint8 public constant MAX_TIER = 3;

    uint256 private _nextTokenId = 1;
    string private _baseTokenURI;
    mapping(uint256 tokenId => uint8) private _tiers;
    mapping(uint8 tier => bool) private _soulboundTiers;
    string private _contractURI;

    /// @dev The tier is not 1, 2 or 3.
    error LoungePassInvalidTier(uint8 tier);
    /// @dev An address parameter was the zero address.
    error LoungePassZeroAddress();
    /// @dev The token has never been minted or was burned.
    error LoungePassNonexistentToken(uint256 tokenId);
    /// @dev A transfer of a pass whose tier is soulbound.
    error LoungePassSoulbound(uint256 tokenId, uint8 tier);

    /// @notice Emitted when a pass is minted.
    event PassMinted(address indexed to, uint256 indexed tokenId, uint8 tier);
    /// @notice Emitted when a tier is made soulbound or transferable.
    event TierSoulboundSet(uint8 indexed tier, bool soulbound);
    /// @notice Emitted when the metadata base URI changes.
    event BaseURIUpdated(string baseURI);
    /// @notice Emitted right after a pass's tier changes (not when set to the tier it already has).
    event TierChanged(uint256 indexed tokenId, uint8 fromTier, uint8 toTier);
    /// @notice ERC-7572: emitted when the collection metadata URI changes.
    event ContractURIUpdated();

    /// @param admin Holder of DEFAULT_ADMIN_ROLE.
    /// @param minter Holder of MINTER_ROLE.
    /// @param baseURI Prefix of every token URI.
    /// @param contractURI_ ERC-7572 collection metadata URI.
    /// @param trustedForwarder_ The ERC-2771 forwarder whose relayed calls act for the signer (fixed for good).
    constructor(
        address admin,
        address minter,
        string memory baseURI,
        string memory contractURI_,
        address trustedForwarder_
    ) ERC721("Layover Lounge Pass", "LPASS") ERC2771Context(trustedForwarder_) {
        if (admin == address(0) || minter == address(0) || trustedForwarder_ == address(0)) {
            revert LoungePassZeroAddress();
        }
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, minter);
        _baseTokenURI = baseURI;
        _contractURI = contractURI_;
        emit ContractURIUpdated();
    }

    /// @notice Mints a pass of `tier` to `to`; token ids start at 1.
    /// @param to Recipient of the pass.
    /// @param tier Tier of the pass (1 Silver, 2 Gold, 3 Platinum).
    /// @return tokenId The id of the new pass.
    function mint(address to, uint8 tier) external onlyRole(MINTER_ROLE) returns (uint256 tokenId) {
        if (to == address(0)) revert LoungePassZeroAddress();
        _requireValidTier(tier);
        tokenId = _nextTokenId++;
        _tiers[tokenId] = tier;
        _safeMint(to, tokenId);
        emit PassMinted(to, tokenId, tier);
    }

    /// @notice Moves an existing pass to `tier` (an upgrade or a downgrade); setting the tier it has is a no-op, so a
    /// retried call succeeds. Soulbound rules follow the new tier at once.
    /// @param tokenId The pass to change.
    /// @param tier The new tier (1 Silver, 2 Gold, 3 Platinum).
    function setTier(uint256 tokenId, uint8 tier) external onlyRole(MINTER_ROLE) {
        _requireValidTier(tier);
        if (_ownerOf(tokenId) == address(0)) revert LoungePassNonexistentToken(tokenId);
        uint8 fromTier = _tiers[tokenId];
        if (fromTier == tier) return;
        _tiers[tokenId] = tier;
        emit TierChanged(tokenId, fromTier, tier);
    }

    /// @notice Returns the tier of an existing pass.
    /// @param tokenId The pass to look up.
    /// @return The tier (1 Silver, 2 Gold, 3 Platinum).
    function tierOf(uint256 tokenId) external view returns (uint8) {
        if (_ownerOf(tokenId) == address(0)) revert LoungePassNonexistentToken(tokenId);
        return _tiers[tokenId];
    }

    /// @notice Returns whether passes of `tier` are soulbound.
    /// @param tier The tier to look up.
    /// @return True when transfers of that tier revert.
    function isTierSoulbound(uint8 tier) external view returns (bool) {
        return _soulboundTiers[tier];
    }

    /// @notice Makes every pass of `tier` soulbound (non-transferable) or transferable.
    /// @param tier The tier to change.
    /// @param soulbound True to block transfers of that tier.
    function setTierSoulbound(uint8 tier, bool soulbound) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _requireValidTier(tier);
        _soulboundTiers[tier] = soulbound;
        emit TierSoulboundSet(tier, soulbound);
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

    /// @notice The prefix of every token URI, so the server can tell whether it still matches its public origin.
    /// @return The base URI (tokenURI = baseURI + tokenId).
    function baseURI() external view returns (string memory) {
        return _baseTokenURI;
    }

    /// @notice Sets the prefix of every token URI (tokenURI = baseURI + tokenId).
    /// @param baseURI The new prefix.
    function setBaseURI(string calldata baseURI) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _baseTokenURI = baseURI;
        emit BaseURIUpdated(baseURI);
    }

    /// @inheritdoc ERC721
    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    /// @dev Blocks transfers of soulbound tiers; mints (from zero) and burns (to zero) always pass.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        address from = _ownerOf(tokenId);
        if (from != address(0) && to != address(0)) {
            uint8 tier = _tiers[tokenId];
            if (_soulboundTiers[tier]) revert LoungePassSoulbound(tokenId, tier);
        }
        return super._update(to, tokenId, auth);
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

    function _baseURI() internal view override returns (string memory) {
        return _baseTokenURI;
    }

    function _requireValidTier(uint8 tier) private pure {
        if (tier < MIN_TIER || tier > MAX_TIER) revert LoungePassInvalidTier(tier);
    }
}
