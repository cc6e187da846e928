-- Contacts of member companies as members.contact.v1 described them: only a hash of each e-mail address
-- they ever had, so that an erasure there can find the person's applications here.
create table contact_email (
    contact_id uuid        not null,
    email_hash varchar(64) not null,
    primary key (contact_id, email_hash)
);
