-- AlterTable
ALTER TABLE "InboxUpdate" ADD COLUMN     "resentSteps" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stepInFlight" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "TurnRecord" (
    "key" TEXT NOT NULL,
    "replies" TEXT,
    "before" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TurnRecord_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "TurnRecord_createdAt_idx" ON "TurnRecord"("createdAt");
