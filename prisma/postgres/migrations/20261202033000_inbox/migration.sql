-- CreateEnum
CREATE TYPE "InboxStatus" AS ENUM ('pending', 'answered', 'done', 'failed');

-- CreateTable
CREATE TABLE "InboxUpdate" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "chatKey" TEXT NOT NULL,
    "status" "InboxStatus" NOT NULL DEFAULT 'pending',
    "payload" TEXT,
    "replies" TEXT,
    "sentSteps" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InboxUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboxUpdate_status_id_idx" ON "InboxUpdate"("status", "id");

-- CreateIndex
CREATE INDEX "InboxUpdate_updatedAt_idx" ON "InboxUpdate"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboxUpdate_channel_externalId_key" ON "InboxUpdate"("channel", "externalId");
