package se.techtank.programmes.domain;

/** Who finances a programme. */
public enum Funder {
    VINNOVA,
    ESF,
    TILLVAXTVERKET,
    ERUF,
    REGION,
    IUC_SVERIGE
}
