package nl.postbrug.delivery;

import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.MessageReplies;

import org.springframework.stereotype.Component;

/** The replies intake shows in a message's timeline. */
@Component
class ReplyTimeline implements MessageReplies {

	private final ReplyStore store;

	ReplyTimeline(ReplyStore store) {
		this.store = store;
	}

	@Override
	public List<Reply> of(UUID messageId) {
		return store.ofMessage(messageId)
			.stream()
			.map(reply -> new Reply(reply.id(), reply.status().name(), reply.receivedAt()))
			.toList();
	}

}
