package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.referral.store.BoardSettingsRecord;

/** Per-board dispatch, validation and SLA settings; a board never configured has the defaults. */
@ApplicationScoped
public class BoardSettingsService {

    private final Access access;

    BoardSettingsService(Access access) {
        this.access = access;
    }

    @Transactional
    public BoardSettings settings(Caller caller, String boardId) {
        access.requireBoardWide(caller, boardId);
        return of(boardId);
    }

    @Transactional
    public BoardSettings update(Caller caller, String boardId, BoardSettings wanted) {
        access.requireBoardWide(caller, boardId);
        BoardSettingsRecord record = BoardSettingsRecord.of(boardId);
        if (record == null) {
            record = new BoardSettingsRecord();
            record.boardId = boardId;
        }
        record.dispatch = wanted.dispatch();
        record.validationRequired = wanted.validationRequired();
        record.slaBusinessDays = wanted.slaBusinessDays();
        record.region = wanted.region();
        record.updatedBy = caller.subject();
        record.updatedAt = Instant.now();
        record.persist();
        return map(record);
    }

    /** The board's settings inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BoardSettings of(String boardId) {
        BoardSettingsRecord record = BoardSettingsRecord.of(boardId);
        return record == null ? BoardSettings.defaults(boardId) : map(record);
    }

    private static BoardSettings map(BoardSettingsRecord r) {
        return new BoardSettings(
                r.boardId,
                r.dispatch,
                r.validationRequired,
                r.slaBusinessDays,
                r.region == null ? r.boardId : r.region);
    }
}
