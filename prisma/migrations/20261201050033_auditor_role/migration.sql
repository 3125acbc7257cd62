-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'auditor';

