package org.patchmap.messaging.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.util.Date;

/**
 * How many times each consumer group began a record, written before the record is processed
 * (MongoDB collection {@value #COLLECTION}), so that a record which kills its consumer
 * (OutOfMemoryError, a crash, the container killed for its memory) is seen on its next delivery
 * as having been begun before and never finished. A record that finishes, processed or
 * dead-lettered, has its document deleted: the collection holds only records in progress and
 * records that crashed a consumer.
 *
 * <p>Document: {@code _id} {@code topic|partition|offset|group}, {@code topic}, {@code partition},
 * {@code offset}, {@code group}, {@code count}, {@code firstAt}, {@code lastAt}. The group is part
 * of the id because two groups read the same records (ingest-service and metadata-service both
 * read {@code patchmap.assets}) and one's crash is not the other's.
 */
public class RecordAttempts {
    public static final String COLLECTION = "record_attempts";

    private final MongoCollection<Document> attempts;
    private final Clock clock;

    public RecordAttempts(MongoCollection<Document> attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Records one more attempt at the record, atomically, and returns how many were begun before this one. */
    public long begin(String topic, int partition, long offset, String group) {
        Date now = Date.from(clock.instant());
        Bson update = Updates.combine(
                Updates.inc("count", 1L),
                Updates.set("lastAt", now),
                Updates.setOnInsert("firstAt", now),
                Updates.setOnInsert("topic", topic),
                Updates.setOnInsert("partition", partition),
                Updates.setOnInsert("offset", offset),
                Updates.setOnInsert("group", group));
        Document after = attempts.findOneAndUpdate(Filters.eq("_id", id(topic, partition, offset, group)), update,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) after.get("count")).longValue() - 1;
    }

    /** The record is done (processed or dead-lettered): its attempts are forgotten. */
    public void finish(String topic, int partition, long offset, String group) {
        attempts.deleteOne(Filters.eq("_id", id(topic, partition, offset, group)));
    }

    /** Undoes one {@link #begin}: the attempt ended for a reason that is not the record's (MongoDB or Kafka away). */
    public void takeBack(String topic, int partition, long offset, String group) {
        attempts.updateOne(Filters.and(Filters.eq("_id", id(topic, partition, offset, group)), Filters.gt("count", 0)),
                Updates.inc("count", -1L));
    }

    public static String id(String topic, int partition, long offset, String group) {
        return topic + "|" + partition + "|" + offset + "|" + group;
    }
}
