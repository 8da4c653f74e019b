package org.studysupport.query.queue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers the committed queue changes in the order they became visible: the stream's order.
 *
 * <p>A row's position is taken when its transaction inserts it, and transactions commit in any
 * order (several processors' segments, several nodes, concurrent commands), so position 101 may be
 * visible before 100. A client told "everything up to 101" would then never hear of 100. The
 * commit sequence has no such hole: one numbering at a time (cluster-wide, by the row lock on
 * {@code queue_change_order}) gives the rows it can see without a number the next numbers, in
 * position order, and commits them together. Every row numbered later was invisible to it, so it
 * gets a higher number; whoever reads number N sees every number below N.
 */
@Component
public class QueueChangeOrder {

    private static final String UNNUMBERED =
            "select position from queue_change where commit_sequence is null order by position";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public QueueChangeOrder(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Numbers up to {@code limit} committed changes that have no commit sequence yet. Waits while
     * another node numbers; cheap when there is nothing to number (no lock is taken then).
     *
     * @return how many changes it numbered
     */
    public int numberCommitted(int limit) {
        if (jdbc.queryForList(UNNUMBERED + " limit 1", Long.class).isEmpty()) {
            return 0;
        }
        Integer numbered = transactions.execute(status -> {
            long last = jdbc.queryForObject("select last_sequence from queue_change_order where id = 1 for update",
                    Long.class);
            // read after the lock: this statement sees every numbering committed before it
            List<Long> positions = jdbc.queryForList(UNNUMBERED + " limit ?", Long.class, limit);
            List<Object[]> numbers = new ArrayList<>(positions.size());
            long next = last;
            for (Long position : positions) {
                numbers.add(new Object[] {++next, position});
            }
            jdbc.batchUpdate("update queue_change set commit_sequence = ? where position = ?", numbers);
            jdbc.update("update queue_change_order set last_sequence = ? where id = 1", next);
            return positions.size();
        });
        return numbered == null ? 0 : numbered;
    }
}
