-- Security events (sign-in, sign-out, MFA, lockouts) live in the audit trail, with the client's
-- address and user agent; the security log reads them by action.
ALTER TABLE "AuditEvent" ADD COLUMN "clientAddress" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "userAgent" TEXT;
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");
