// Ask the taxcalc service one rule question and print the answer (.NET 6+, no package needed).
// Run:  dotnet new console -o TaxcalcClient && cp TaxcalcClient.cs TaxcalcClient/Program.cs && dotnet run --project TaxcalcClient
// The service: taxcalc serve, on http://127.0.0.1:8000.  Set TAXCALC_URL for another address and
// TAXCALC_SERVICE_TOKEN if the service asks for a token.
using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

var baseUrl = Environment.GetEnvironmentVariable("TAXCALC_URL") ?? "http://127.0.0.1:8000";
var token = Environment.GetEnvironmentVariable("TAXCALC_SERVICE_TOKEN");
using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
if (token != null)
{
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}

// Amounts and rates are JSON strings ("1130.00", "13%"), dates "YYYY-MM-DD": read them as decimal, never double.
var body = "{\"amount\": \"1130.00\", \"band\": \"standard\", \"on\": \"2019-04-01\"}";
using var response = await client.PostAsync("/v1/rules/vat.invoice_line",
    new StringContent(body, Encoding.UTF8, "application/json"));
var text = await response.Content.ReadAsStringAsync();
using var answer = JsonDocument.Parse(text);

if (!response.IsSuccessStatusCode)
{
    // {"error": {"status", "code", "message", "problems": [{"in", "field", "reason"}]}, "provenance"}
    foreach (var problem in answer.RootElement.GetProperty("error").GetProperty("problems").EnumerateArray())
    {
        Console.Error.WriteLine($"{problem.GetProperty("field").GetString()}: {problem.GetProperty("reason").GetString()}");
    }
    return 1;
}
var tax = decimal.Parse(answer.RootElement.GetProperty("tax").GetString()!,
    System.Globalization.CultureInfo.InvariantCulture);
Console.WriteLine($"tax {tax} (taxcalc {answer.RootElement.GetProperty("provenance").GetProperty("taxcalc").GetString()})");
return 0;
