package org.clutch.shop.backup;

import org.clutch.shop.common.RuleException;

/** A backup could not be made or restored; the message says why in words a manager acts on. Nothing was changed. */
public class BackupException extends RuleException {

    public BackupException(String message) {
        super(message);
    }
}
