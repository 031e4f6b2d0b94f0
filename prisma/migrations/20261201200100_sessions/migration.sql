-- Sessions that really end, and sign-in throttling that holds across instances (issue #11;
-- docs/security-sessions.md). Both tables are row data the runtime role reads and writes: the
-- default privileges in prisma/roles.sql grant it SELECT, INSERT, UPDATE and DELETE on them.
ALTER TABLE "Organisation" ADD COLUMN "sessionAbsoluteHours" INTEGER NOT NULL DEFAULT 12;
ALTER TABLE "Organisation" ADD COLUMN "sessionIdleMinutes" INTEGER NOT NULL DEFAULT 30;

CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "clientAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AuthSession_userId_revokedAt_expiresAt_idx" ON "AuthSession"("userId", "revokedAt", "expiresAt");

ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "SignInThrottle_expire_idx" ON "SignInThrottle"("expire");
