-- AlterTable
ALTER TABLE "ApplicationSnapshot" ADD COLUMN "turnKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationSnapshot_turnKey_key" ON "ApplicationSnapshot"("turnKey");
