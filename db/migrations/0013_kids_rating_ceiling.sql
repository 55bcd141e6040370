-- Kids profiles rated above PG-13 (a PATCH of the rating alone could do it) come down to the kids maximum.
UPDATE "profiles" SET "maturity_rating" = 'PG-13', "maturity_level" = 2 WHERE "kids" AND "maturity_level" > 2;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_kids_rating_check" CHECK (not "profiles"."kids" or "profiles"."maturity_level" <= 2);
