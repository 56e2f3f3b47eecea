CREATE TABLE `job_leases` (
	`job` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`until` integer NOT NULL,
	CONSTRAINT "job_leases_holder_length" CHECK(length("job_leases"."holder") BETWEEN 1 AND 64)
);
