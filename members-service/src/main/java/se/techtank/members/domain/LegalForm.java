package se.techtank.members.domain;

import se.techtank.kernel.OrganisationNumber;

/** The legal form an organisationsnummer's first digit tells (Bolagsverket's groups). */
public enum LegalForm {
    /** 1: dödsbo. */
    ESTATE,
    /** 2: staten, regioner, kommuner, församlingar. */
    PUBLIC_SECTOR,
    /** 3: utländska företag med verksamhet eller fastighet i Sverige. */
    FOREIGN_COMPANY,
    /** 5: aktiebolag. */
    LIMITED_COMPANY,
    /** 6: enkla bolag. */
    SIMPLE_PARTNERSHIP,
    /** 7: ekonomiska föreningar, bostadsrättsföreningar. */
    ECONOMIC_ASSOCIATION,
    /** 8: ideella föreningar och stiftelser. */
    NON_PROFIT_ASSOCIATION_OR_FOUNDATION,
    /** 9: handelsbolag, kommanditbolag. */
    TRADING_PARTNERSHIP,
    /** A first digit without a defined group (0, 4). */
    OTHER;

    public static LegalForm of(OrganisationNumber organisationNumber) {
        return ofFirstDigit(organisationNumber.value().charAt(0));
    }

    /** The legal form of a normalised organisation number starting with {@code digit}. */
    public static LegalForm ofFirstDigit(char digit) {
        return switch (digit) {
            case '1' -> ESTATE;
            case '2' -> PUBLIC_SECTOR;
            case '3' -> FOREIGN_COMPANY;
            case '5' -> LIMITED_COMPANY;
            case '6' -> SIMPLE_PARTNERSHIP;
            case '7' -> ECONOMIC_ASSOCIATION;
            case '8' -> NON_PROFIT_ASSOCIATION_OR_FOUNDATION;
            case '9' -> TRADING_PARTNERSHIP;
            default -> OTHER;
        };
    }
}
