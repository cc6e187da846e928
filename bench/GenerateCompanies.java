// Generates the benchmark data for bench/members-search.sh: company import files (CSV, ';') and a list
// of search requests that find something in them. Deterministic for a given seed.
//
//   java bench/GenerateCompanies.java OUT_DIR [ROWS=50000] [ROWS_PER_FILE=10000] [SEED=20261128]
//
// Writes OUT_DIR/companies-01.csv ... and OUT_DIR/search-urls.txt ("<category>\t<path and query>" per
// line; "{SINCE}" stands for a time the load driver fills in).
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

public class GenerateCompanies {

    /** municipality code → town (genitive-ready) and postal code prefix; Blekinge first. */
    static final Map<String, String[]> MUNICIPALITIES = new LinkedHashMap<>();

    static {
        m("1060", "Olofström", "293");
        m("1080", "Karlskrona", "371");
        m("1081", "Ronneby", "372");
        m("1082", "Karlshamn", "374");
        m("1083", "Sölvesborg", "294");
        m("1280", "Malmö", "211");
        m("1281", "Lund", "222");
        m("1283", "Helsingborg", "252");
        m("1290", "Kristianstad", "291");
        m("1293", "Hässleholm", "281");
        m("1272", "Bromölla", "295");
        m("1273", "Osby", "283");
        m("1286", "Ystad", "271");
        m("0780", "Växjö", "352");
        m("0765", "Älmhult", "343");
        m("0781", "Ljungby", "341");
        m("0763", "Tingsryd", "362");
        m("0880", "Kalmar", "392");
        m("0881", "Nybro", "382");
        m("0882", "Oskarshamn", "572");
        m("0862", "Emmaboda", "361");
        m("0680", "Jönköping", "553");
        m("0683", "Värnamo", "331");
        m("0662", "Gislaved", "332");
        m("0580", "Linköping", "582");
        m("0581", "Norrköping", "602");
        m("1480", "Göteborg", "417");
        m("1490", "Borås", "504");
        m("1488", "Trollhättan", "461");
        m("1380", "Halmstad", "302");
        m("1383", "Varberg", "432");
        m("0180", "Stockholm", "112");
        m("0184", "Solna", "171");
        m("0380", "Uppsala", "753");
        m("0484", "Eskilstuna", "632");
        m("1780", "Karlstad", "652");
        m("1880", "Örebro", "702");
        m("1980", "Västerås", "721");
        m("2081", "Borlänge", "781");
        m("2180", "Gävle", "802");
        m("2181", "Sandviken", "811");
        m("2281", "Sundsvall", "852");
        m("2380", "Östersund", "831");
        m("2480", "Umeå", "903");
        m("2482", "Skellefteå", "931");
        m("2580", "Luleå", "972");
        m("0980", "Gotland", "621");
    }

    static final String[] TRADES = {
        "Mekaniska Verkstad", "Gjuteri", "Pressverktyg", "Plåt", "Plåt & Laser", "Svets", "Svets & Smide", "Hydraulik",
        "Automation", "Elektronik", "Snickeri", "Trä", "Plast", "Industriservice", "Maskin", "Verktyg", "Laserteknik",
        "Ytbehandling", "Lackering", "Gummi", "Emballage", "Komposit", "Marinteknik", "Stål", "CNC", "Precision",
        "Robotteknik", "Fräs & Svarv", "Byggsystem", "Elmotor", "Pump", "Kyl & Värme", "Tryckeri", "Möbler",
        "Livsmedel", "Bageri", "Betong", "Glas", "Textil", "Förpackning", "Metall", "Aluminium", "Industrimontage"
    };
    static final String[] SURNAMES = {
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Håkansson", "Bergström", "Åberg", "Ström"
    };
    static final String[] PREFIXES = {
        "Blekinge", "Nordisk", "Svensk", "Sydsvenska", "Baltic", "Scandinavian", "Östersjö", "Listerlandets",
        "Småländska", "Skånska", "Nya", "Gamla"
    };
    /** SNI 2007 detailed codes, mostly manufacturing (section C). */
    static final String[] SNI = {
        "25.110", "25.120", "25.500", "25.610", "25.620", "25.730", "25.990", "28.410", "28.220", "28.290", "22.210",
        "22.290", "16.100", "16.230", "24.510", "24.530", "27.110", "27.120", "29.320", "30.110", "33.120", "33.200",
        "10.710", "10.130", "20.160", "26.110", "31.010", "23.610", "32.500", "18.120", "17.210", "13.960", "46.690",
        "71.121", "62.010", "43.210"
    };
    static final String[] STREETS = {
        "Industrivägen", "Verkstadsgatan", "Fabriksgatan", "Hamngatan", "Storgatan", "Smedjegatan", "Tegelbruksvägen",
        "Gjutarevägen", "Montörsgatan", "Hantverkaregatan"
    };

    static void m(String code, String town, String postalPrefix) {
        MUNICIPALITIES.put(code, new String[] {town, postalPrefix});
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/GenerateCompanies.java OUT_DIR [ROWS] [ROWS_PER_FILE] [SEED]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int perFile = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261128L;
        Files.createDirectories(out);
        Random random = new Random(seed);
        List<String> codes = new ArrayList<>(MUNICIPALITIES.keySet());
        List<String> numbers = new ArrayList<>();
        Set<String> names = new HashSet<>();

        PrintWriter file = null;
        int fileNumber = 0;
        for (int i = 0; i < rows; i++) {
            if (i % perFile == 0) {
                if (file != null) {
                    file.close();
                }
                fileNumber++;
                file = new PrintWriter(Files.newBufferedWriter(
                        out.resolve(String.format(Locale.ROOT, "companies-%02d.csv", fileNumber)), StandardCharsets.UTF_8));
                file.print("organisationNumber;name;municipalityCode;primarySni;secondarySni;numberOfEmployees;"
                        + "website;street;postalCode;city\n");
            }
            // Blekinge (the first five) gets 40 % of the companies, the other 42 municipalities share the rest.
            String code = random.nextInt(100) < 40
                    ? codes.get(random.nextInt(5))
                    : codes.get(5 + random.nextInt(codes.size() - 5));
            String town = MUNICIPALITIES.get(code)[0];
            int legal = random.nextInt(100);
            char firstDigit = legal < 88 ? '5' : legal < 95 ? '9' : '7';
            String suffix = firstDigit == '5' ? "AB" : firstDigit == '9' ? (random.nextBoolean() ? "HB" : "KB") : "ek. för.";
            String number = organisationNumber(firstDigit, i, random);
            numbers.add(number);
            String name = uniqueName(random, town, suffix, names);

            String primary = "";
            String secondary = "";
            if (random.nextInt(100) < 90) {
                primary = SNI[random.nextInt(SNI.length)];
                int more = random.nextInt(100) < 70 ? 0 : 1 + random.nextInt(2);
                List<String> extra = new ArrayList<>();
                for (int k = 0; k < more; k++) {
                    String s = SNI[random.nextInt(SNI.length)];
                    if (!s.equals(primary) && !extra.contains(s)) {
                        extra.add(s);
                    }
                }
                secondary = String.join("|", extra);
            }
            String employees = "";
            int size = random.nextInt(100);
            if (size >= 5) {
                employees = String.valueOf(size < 60 ? random.nextInt(10)
                        : size < 85 ? 10 + random.nextInt(40)
                        : size < 97 ? 50 + random.nextInt(200) : 250 + random.nextInt(1750));
            }
            String website = random.nextBoolean() ? "https://www." + slug(name) + ".example.se" : "";
            String street = "";
            String postal = "";
            String city = "";
            if (random.nextInt(100) < 70) {
                street = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(60));
                postal = MUNICIPALITIES.get(code)[1] + " " + String.format(Locale.ROOT, "%02d", random.nextInt(100));
                city = town;
            }
            file.print(String.join(
                    ";", number, name, code, primary, secondary, employees, website, street, postal, city));
            file.print('\n');
        }
        if (file != null) {
            file.close();
        }
        writeSearches(out.resolve("search-urls.txt"), random, codes, numbers);
        System.out.println("Wrote " + rows + " companies in " + fileNumber + " files and search-urls.txt to " + out);
    }

    /** Unique per index: digits 3-4 and 5-9 come from it; the first is the legal form, the last the Luhn digit. */
    static String organisationNumber(char firstDigit, int index, Random random) {
        String nine = "" + firstDigit + random.nextInt(10)
                + String.format(Locale.ROOT, "%02d%05d", 20 + index / 100_000 % 80, index % 100_000);
        return nine.substring(0, 6) + "-" + nine.substring(6) + luhn(nine);
    }

    static int luhn(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = nine.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    static String uniqueName(Random random, String town, String suffix, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String trade = TRADES[random.nextInt(TRADES.length)];
            String name = switch (random.nextInt(4)) {
                case 0 -> genitive(town) + " " + trade;
                case 1 -> SURNAMES[random.nextInt(SURNAMES.length)] + "s " + trade;
                case 2 -> PREFIXES[random.nextInt(PREFIXES.length)] + " " + trade;
                default -> genitive(town) + " " + trade + " & " + SURNAMES[random.nextInt(SURNAMES.length)];
            };
            if (attempt > 3) {
                name += " " + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
            }
            name += " " + suffix;
            if (taken.add(name)) {
                return name;
            }
        }
    }

    static String genitive(String town) {
        return town.endsWith("s") ? town : town + "s";
    }

    static String slug(String name) {
        return java.text.Normalizer.normalize(name.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    /** A mix of the list's filters, each line tagged with its kind so that the driver reports them apart. */
    static void writeSearches(Path file, Random random, List<String> codes, List<String> numbers) throws IOException {
        String[] words = {
            "gjuteri", "pressverktyg", "plåt", "svets", "hydraulik", "automation", "karlshamn", "olofström",
            "solvesborg", "ronneby", "karlskrona", "mek", "laser", "andersson", "blekinge", "nordisk", "robot", "cnc",
            "marin", "ytbehandling", "växjö", "kalmar", "stål", "trä", "plast", "verktyg", "precision"
        };
        String[] sniPrefixes = {"25", "28", "22", "16", "25.1", "25.62", "28.41", "10", "33.12", "46"};
        String[] sizes = {"MICRO", "SMALL", "MEDIUM", "LARGE"};
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (int i = 0; i < 2_000; i++) {
                int page = random.nextInt(100) < 70 ? 0 : 1 + random.nextInt(4);
                String code = random.nextInt(100) < 60 ? codes.get(random.nextInt(5)) : codes.get(random.nextInt(codes.size()));
                String line = switch (i % 10) {
                    case 0, 1 -> "name\t/api/v1/companies?q=" + enc(words[random.nextInt(words.length)]) + "&page=" + page;
                    case 2 -> "name+modified\t/api/v1/companies?q=" + enc(words[random.nextInt(words.length)])
                            + "&sort=modifiedAt,desc&page=" + page;
                    case 3 -> {
                        String number = numbers.get(random.nextInt(numbers.size()));
                        int length = 4 + random.nextInt(8); // from a prefix to the whole number
                        yield "orgnr\t/api/v1/companies?q=" + enc(number.substring(0, Math.min(length, number.length())));
                    }
                    case 4 -> "municipality\t/api/v1/companies?municipality=" + code + "&page=" + random.nextInt(20);
                    case 5 -> "sni\t/api/v1/companies?sni=" + sniPrefixes[random.nextInt(sniPrefixes.length)]
                            + "&page=" + page;
                    case 6 -> "size+municipality\t/api/v1/companies?sizeClass=" + sizes[random.nextInt(sizes.length)]
                            + "&municipality=" + code + "&page=" + page;
                    case 7 -> "modifiedSince\t/api/v1/companies?modifiedSince={SINCE}&sort=modifiedAt,asc&size=100&page="
                            + random.nextInt(10);
                    case 8 -> "all-by-name\t/api/v1/companies?sort=name,asc&size=50&page=" + random.nextInt(50);
                    default -> "combined\t/api/v1/companies?municipality=" + code + "&sni="
                            + sniPrefixes[random.nextInt(sniPrefixes.length)] + "&sizeClass="
                            + sizes[random.nextInt(sizes.length)] + "&sort=modifiedAt,desc";
                };
                out.println(line);
            }
        }
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
