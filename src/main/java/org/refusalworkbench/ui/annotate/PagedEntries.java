package org.refusalworkbench.ui.annotate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.collections.ObservableListBase;

import org.refusalworkbench.domain.QueueEntry;
import org.refusalworkbench.ui.common.BackgroundTask;
import org.refusalworkbench.ui.common.UiExecutor;

/**
 * The queue as a list of known size whose rows are read a page at a time when a list cell first asks for them. A
 * row not read yet is {@code null} (the cell shows a placeholder) until its page arrives. Only the most recent pages
 * are kept, so scrolling through a huge project does not fill the heap.
 */
final class PagedEntries extends ObservableListBase<QueueEntry> {

    static final int PAGE_SIZE = 200;
    private static final int PAGES_KEPT = 40;

    /** Reads one page of the current filter. */
    interface PageReader {
        List<QueueEntry> read(long offset, int limit);
    }

    private final UiExecutor executor;
    private final Map<Integer, List<QueueEntry>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<QueueEntry>> eldest) {
            return size() > PAGES_KEPT;
        }
    };
    private final Set<Integer> requested = new HashSet<>();
    private PageReader reader = (offset, limit) -> List.of();
    private int size;
    private long generation;
    private boolean readingInline;

    PagedEntries(UiExecutor executor) {
        this.executor = executor;
    }

    /** Starts over with another filter and its row count. */
    void reset(PageReader newReader, int newSize) {
        generation++;
        reader = newReader;
        pages.clear();
        requested.clear();
        int oldSize = size;
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, new java.util.AbstractList<QueueEntry>() {
                @Override
                public QueueEntry get(int index) {
                    return null;
                }

                @Override
                public int size() {
                    return oldSize;
                }
            });
        }
        size = 0;
        size = newSize;
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }

    /** Forgets the rows read so far (their done marks may be stale) and reads them again when shown. */
    void invalidate() {
        pages.clear();
        requested.clear();
        generation++;
        if (size > 0) {
            beginChange();
            for (int i = 0; i < size; i++) {
                nextUpdate(i);
            }
            endChange();
        }
    }

    @Override
    public QueueEntry get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE_SIZE;
        List<QueueEntry> rows = pages.get(page);
        if (rows == null) {
            request(page);
            rows = pages.get(page);
        }
        int offset = index % PAGE_SIZE;
        return rows != null && offset < rows.size() ? rows.get(offset) : null;
    }

    @Override
    public int size() {
        return size;
    }

    private void request(int page) {
        if (!requested.add(page)) {
            return;
        }
        long requestGeneration = generation;
        PageReader pageReader = reader;
        readingInline = true;
        try {
            BackgroundTask.read(() -> pageReader.read((long) page * PAGE_SIZE, PAGE_SIZE))
                    .onSuccess(rows -> {
                        if (requestGeneration != generation) {
                            return;
                        }
                        pages.put(page, rows);
                        requested.remove(page);
                        if (!readingInline) {
                            announce(page, rows.size());
                        }
                    })
                    .onFailure(failure -> requested.remove(page))
                    .runOn(executor);
        } finally {
            readingInline = false;
        }
    }

    private void announce(int page, int rows) {
        int from = page * PAGE_SIZE;
        int to = Math.min(size, from + rows);
        if (from >= to) {
            return;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }
}
