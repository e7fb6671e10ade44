package br.com.balcao.shared.database;

import br.com.balcao.shared.database.embedded.RestoreFailedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A restore asked for at start that could not be done ends the start with its reason alone, not a stack of beans. */
class RestoreFailureAnalyzer extends AbstractFailureAnalyzer<RestoreFailedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RestoreFailedException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the restore options (balcao.embedded-database.restore.from"
                + " and .target-time) and start again, or start without them to run on the data directory as it is."
                + " The steps are in docs/configuration.md, section \"Backups and restore\".", cause);
    }
}
