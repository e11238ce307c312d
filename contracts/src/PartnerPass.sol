// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Partner Pass
/// @notice A partner brand's ERC-721 that opens the partner suite; stands in on the dev chain for the brand's own NFT.
contract PartnerPass is ERC721, Ownable {
    uint256 private _nextTokenId = 1;

    /// @dev The recipient of a mint is the zero address.
    error PartnerPassZeroAddress();

    /// @notice Emitted when a pass is minted.
    event PartnerPassMinted(address indexed to, uint256 indexed tokenId);

    /// @param initialOwner The brand account allowed to mint.
    constructor(address initialOwner) ERC721("Layover Partner Pass", "PPASS") Ownable(initialOwner) {}

    /// @notice Mints the next pass to `to`; token ids start at 1.
    /// @param to Recipient of the pass.
    /// @return tokenId The id of the new pass.
    function mint(address to) external onlyOwner returns (uint256 tokenId) {
        if (to == address(0)) revert PartnerPassZeroAddress();
        tokenId = _nextTokenId++;
        _safeMint(to, tokenId);
        emit PartnerPassMinted(to, tokenId);
    }
}
