// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";

/// @notice Accepts a token, then from inside the hook replays a call, tries another and moves the token away.
contract ReentrantReceiver is IERC1155Receiver {
    address private immutable _token;
    bytes private _replay;
    bytes private _second;
    bool private _inside;
    uint256 public reentered;
    uint256 public succeeded;

    constructor(IERC1155 token) {
        _token = address(token);
    }

    function arm(bytes calldata replay, bytes calldata second) external {
        (_replay, _second) = (replay, second);
    }

    function onERC1155Received(address, address, uint256 id, uint256, bytes calldata) external returns (bytes4) {
        if (!_inside && _replay.length > 0) {
            _inside = true;
            _try(_replay);
            _try(_second);
            _try(abi.encodeCall(IERC1155.safeTransferFrom, (address(this), address(0xBEEF), id, 1, "")));
            _inside = false;
        }
        return this.onERC1155Received.selector;
    }

    function onERC1155BatchReceived(address, address, uint256[] calldata, uint256[] calldata, bytes calldata)
        external
        pure
        returns (bytes4)
    {
        return this.onERC1155BatchReceived.selector;
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC1155Receiver).interfaceId;
    }

    function _try(bytes memory call) private {
        ++reentered;
        (bool ok,) = _token.call(call);
        if (ok) ++succeeded;
    }
}

/// @notice A contract that refuses every ERC-1155 token.
contract RejectingReceiver {}
