// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @title Gas baseline: the plainest OpenZeppelin ERC-721 mint (no roles, no claim guard), for test/bench/gas.ts.
contract BaselineERC721 is ERC721 {
    constructor() ERC721("Baseline", "BASE") {}

    /// @notice Mints `tokenId` to `to` through OpenZeppelin's `_safeMint`.
    function mint(address to, uint256 tokenId) external {
        _safeMint(to, tokenId);
    }
}
