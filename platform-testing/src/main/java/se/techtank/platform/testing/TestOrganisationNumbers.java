package se.techtank.platform.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid organisation numbers, so that tests never collide on a reused database. */
public final class TestOrganisationNumbers {

    private TestOrganisationNumbers() {}

    /** A random valid organisation number of an aktiebolag (first digit 5), as NNNNNN-NNNN. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("5");
        digits.append(random.nextInt(10));
        digits.append(random.nextInt(20, 100));
        for (int i = 0; i < 5; i++) {
            digits.append(random.nextInt(10));
        }
        digits.append(checkDigit(digits.toString()));
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = nineDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
