-- AlterTable
ALTER TABLE "Application" ADD COLUMN "intakeKey" TEXT;

-- AlterTable
ALTER TABLE "Estimate" ADD COLUMN "intakeKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Application_intakeKey_key" ON "Application"("intakeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Estimate_intakeKey_key" ON "Estimate"("intakeKey");
