import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic unit,rater,value ratings CSV: every rater rates every unit; each rating copies the
 * unit's "true" category with probability 0.7, else picks a uniformly random one.
 *
 * <p>Usage: {@code java bench/GenerateRatings.java OUT.csv [units=1000000] [raters=5] [categories=10] [seed=1]}
 */
public final class GenerateRatings {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int raters = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int categories = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        SplittableRandom random = new SplittableRandom(args.length > 4 ? Long.parseLong(args[4]) : 1);
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("unit,rater,value\n");
            for (int u = 0; u < units; u++) {
                int truth = random.nextInt(categories);
                for (int g = 0; g < raters; g++) {
                    int value = random.nextDouble() < 0.7 ? truth : random.nextInt(categories);
                    writer.write("u" + u + ",r" + g + ",c" + value + "\n");
                }
            }
        }
    }
}
