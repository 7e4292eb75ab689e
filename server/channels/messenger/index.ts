import { MESSENGER_REPLY_FACTS } from '#server/channels/meta/messaging';
import { graphMessagingAdapter } from '#server/channels/meta/messagingAdapter';

/** Facebook Messenger: Meta's webhook in, the Graph Send API out from the Page the customer wrote to. */
export const messengerAdapter = graphMessagingAdapter('messenger', MESSENGER_REPLY_FACTS);
