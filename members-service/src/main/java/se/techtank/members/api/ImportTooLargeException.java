package se.techtank.members.api;

/** An import file over the size or row limit: answers 413, before any row is written. */
class ImportTooLargeException extends RuntimeException {

    ImportTooLargeException(String detail) {
        super(detail);
    }
}
