// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";

/// @title Layover Forwarder
/// @notice ERC-2771 trusted forwarder: the oracle relays a member's EIP-712 signed request (redeem, gift) and pays
/// its gas; Prizes, Stamps and LoungePass read the member as the sender. Nonces, deadlines and the target's trust in
/// this forwarder are checked by OpenZeppelin's `ERC2771Forwarder` (EIP-712 domain "Layover Forwarder", version "1").
contract LayoverForwarder is ERC2771Forwarder {
    constructor() ERC2771Forwarder("Layover Forwarder") {}
}
