// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";
import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";

/// @title Layover Stamps
/// @notice Soulbound ERC-1155 stamps (ERC-5192): minted by the oracle in batches, burnable by their holder, never
/// transferred or approved. A member may burn through the trusted ERC-2771 forwarder; no `Multicall` (with
/// ERC2771Context it lets a relayed caller spoof senders, OpenZeppelin, December 2023).
contract Stamps is ERC1155, AccessControl, ERC2771Context {
    using BitMaps for BitMaps.BitMap;

    /// @notice Role allowed to mint stamps (held by the server's oracle).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    bytes4 private constant _ERC5192_INTERFACE_ID = 0xb45a3c0e;

    // Bit `id` is set once `Locked(id)` has been emitted for stamp `id`.
    BitMaps.BitMap private _announced;
    // Bit `claimId` is set once that claim has been minted (256 sequential ids share a storage word).
    BitMaps.BitMap private _claimedIds;
    string private _contractURI;

    /// @dev An address parameter was the zero address.
    error StampsZeroAddress();
    /// @dev The recipient, id and claim id arrays of a batch differ in length.
    error StampsLengthMismatch(uint256 recipients, uint256 ids);
    /// @dev A claim id was minted before; the whole batch reverts.
    error StampsAlreadyClaimed(bytes32 claimId);
    /// @dev Stamps cannot be transferred or approved for transfer.
    error StampsSoulbound();

    /// @notice ERC-5192: emitted the first time stamp `tokenId` is minted; every stamp is locked for good.
    event Locked(uint256 tokenId);
    /// @notice Emitted when the metadata URI changes.
    event URIUpdated(string uri);
    /// @notice ERC-7572: emitted when the collection metadata URI changes.
    event ContractURIUpdated();

    /// @param admin Holder of DEFAULT_ADMIN_ROLE.
    /// @param minter Holder of MINTER_ROLE.
    /// @param uri_ ERC-1155 metadata URI with an `{id}` placeholder.
    /// @param contractURI_ ERC-7572 collection metadata URI.
    /// @param trustedForwarder_ The ERC-2771 forwarder whose relayed calls act for the signer (fixed for good).
    constructor(
        address admin,
        address minter,
        string memory uri_,
        string memory contractURI_,
        address trustedForwarder_
    ) ERC1155(uri_) ERC2771Context(trustedForwarder_) {
        if (admin == address(0) || minter == address(0) || trustedForwarder_ == address(0)) {
            revert StampsZeroAddress();
        }
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, minter);
        _contractURI = contractURI_;
        emit ContractURIUpdated();
    }

    /// @notice Mints one stamp `ids[i]` to each `to[i]` for claim `claimIds[i]`, in one transaction.
    /// @param to Recipients; contracts must accept ERC-1155 tokens.
    /// @param ids Stamp ids, one per recipient.
    /// @param claimIds Claim ids, one per recipient; any replay reverts the whole batch.
    function mintStamps(address[] calldata to, uint256[] calldata ids, bytes32[] calldata claimIds)
        external
        onlyRole(MINTER_ROLE)
    {
        if (to.length != ids.length || to.length != claimIds.length) {
            revert StampsLengthMismatch(to.length, ids.length);
        }
        for (uint256 i; i < to.length; ++i) {
            _claim(claimIds[i]);
            uint256 id = ids[i];
            _announceLocked(id);
            _mint(to[i], id, 1, "");
        }
    }

    /// @notice Whether claim `claimId` has been minted.
    /// @param claimId The claim id.
    /// @return True once minted.
    function claimed(bytes32 claimId) external view returns (bool) {
        return _claimedIds.get(uint256(claimId));
    }

    /// @notice Burns `amount` of the caller's stamp `id` (the signer, when relayed by the trusted forwarder).
    /// @param id The stamp to burn.
    /// @param amount How many to burn.
    function burn(uint256 id, uint256 amount) external {
        _burn(_msgSender(), id, amount);
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

    /// @notice ERC-5192: every stamp is locked.
    /// @return Always true.
    function locked(uint256) external pure returns (bool) {
        return true;
    }

    /// @notice Sets the metadata URI of every stamp.
    /// @param uri_ The new URI, with an `{id}` placeholder.
    function setURI(string calldata uri_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setURI(uri_);
        emit URIUpdated(uri_);
    }

    /// @dev Approvals would only serve transfers, which never happen: `setApprovalForAll` always reverts.
    function _setApprovalForAll(address, address, bool) internal pure override {
        revert StampsSoulbound();
    }

    /// @inheritdoc ERC1155
    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, AccessControl) returns (bool) {
        return interfaceId == _ERC5192_INTERFACE_ID || super.supportsInterface(interfaceId);
    }

    /// @dev Every transfer path (`safeTransferFrom`, `safeBatchTransferFrom`) ends here: only mints (from zero) and
    /// burns (to zero) move balances.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        if (from != address(0) && to != address(0)) revert StampsSoulbound();
        super._update(from, to, ids, values);
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

    function _claim(bytes32 claimId) private {
        uint256 key = uint256(claimId);
        if (_claimedIds.get(key)) revert StampsAlreadyClaimed(claimId);
        _claimedIds.set(key);
    }

    function _announceLocked(uint256 id) private {
        if (!_announced.get(id)) {
            _announced.set(id);
            emit Locked(id);
        }
    }
}
