// Ask the taxcalc service one rule question and print the answer (Java 11+, no library needed).
// Run:  java TaxcalcClient.java            (the service: taxcalc serve, on http://127.0.0.1:8000)
// Set TAXCALC_URL for another address and TAXCALC_SERVICE_TOKEN if the service asks for a token.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class TaxcalcClient {
    public static void main(String[] args) throws Exception {
        String base = System.getenv().getOrDefault("TAXCALC_URL", "http://127.0.0.1:8000");
        String token = System.getenv("TAXCALC_SERVICE_TOKEN");
        // Amounts and rates are JSON strings ("1130.00", "13%"), dates "YYYY-MM-DD".
        String body = "{\"amount\": \"1130.00\", \"band\": \"standard\", \"on\": \"2019-04-01\"}";

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/rules/vat.invoice_line"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

        // 200: the result, as `taxcalc vat invoice … --json` prints it, with "provenance".
        // 4xx: {"error": {"status", "code", "message", "problems": [{"in", "field", "reason"}]}, "provenance"}.
        System.out.println(response.statusCode());
        System.out.println(response.body());
        if (response.statusCode() != 200) {
            System.exit(1);
        }
    }
}
