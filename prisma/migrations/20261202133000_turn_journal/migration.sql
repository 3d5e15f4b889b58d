-- AlterTable
ALTER TABLE "InboxUpdate" ADD COLUMN "stepInFlight" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "InboxUpdate" ADD COLUMN "resentSteps" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "TurnRecord" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "replies" TEXT,
    "before" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "TurnRecord_createdAt_idx" ON "TurnRecord"("createdAt");
