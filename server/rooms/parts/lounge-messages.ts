import { validate } from '@colyseus/core';
import {
  ChatSend,
  EmoteSend,
  Interact,
  MoveIntent,
  MoveTarget,
  OrderDrink,
} from '../../../shared/protocol/lounge-messages.ts';
import type { CrowdClient, LoungeCrowd } from './lounge-crowd.ts';

/** The inputs of every room with avatars (moving, chat, emotes, interactions), validated and handed to its crowd. */
export function loungeMessages(crowd: () => LoungeCrowd) {
  return {
    move: validate(MoveIntent, (client, input) => {
      const still = input.x === 0 && input.z === 0;
      crowd().motion.steer(client.sessionId, still ? null : { kind: 'intent', x: input.x, z: input.z });
    }),
    moveTo: validate(MoveTarget, (client, target) => {
      crowd().motion.steer(client.sessionId, { kind: 'target', x: target.x, z: target.z });
    }),
    chat: validate(ChatSend, (client, message) => crowd().say(client as CrowdClient, message.text)),
    emote: validate(EmoteSend, (client, message) => crowd().emote(client as CrowdClient, message.emote)),
    interact: validate(Interact, (client, message) =>
      crowd().interact(client as CrowdClient, message.objectId),
    ),
    orderDrink: validate(OrderDrink, (client, message) =>
      crowd().orderDrink(client as CrowdClient, message.drink),
    ),
  };
}
