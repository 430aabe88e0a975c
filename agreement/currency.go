package agreement

import (
	"fmt"
	"slices"
	"strings"
)

// Currency is one entry of the currency table: an ISO 4217 code, how many
// decimals amounts in it may have and are shown with, the symbol written
// before amounts, and its names (the Chinese names prefix amounts written
// in capital numerals, see [Money.Capital]).
//
// Currency values are comparable; look them up with [LookupCurrency] rather
// than building them by hand.
type Currency struct {
	Code     string // ISO 4217 alphabetic code, "TWD"
	Decimals int    // minor-unit exponent: 0 for TWD, 2 for CNY, 3 for KWD
	// Symbol is written before amounts ("NT$"). It is unique within the
	// table, so that no document can show two currencies the same way:
	// CNY is "¥" and JPY "JP¥". Currencies without a well-known
	// unambiguous symbol use their code, written "CHF 12.50".
	Symbol   string
	Name     string // English name, "New Taiwan dollar"
	NameHans string // Simplified Chinese name, "新台币"; "" when none is listed
	NameHant string // Traditional Chinese name, "新臺幣"; "" when none is listed
}

// currencies is the published currency table (see doc/currencies.md and
// the package documentation, section "Currencies"). Decimals follow ISO 4217
// except TWD, which is traded in whole dollars (ISO lists 2): Taiwanese
// prices, invoices and bank transfers carry no cents.
//
// Sorted by code; TestCurrencyTable checks order and symbol uniqueness.
var currencies = []Currency{
	{"AED", 2, "AED", "UAE dirham", "阿联酋迪拉姆", "阿聯酋迪拉姆"},
	{"AFN", 2, "AFN", "Afghan afghani", "", ""},
	{"ALL", 2, "ALL", "Albanian lek", "", ""},
	{"AMD", 2, "AMD", "Armenian dram", "", ""},
	{"AOA", 2, "AOA", "Angolan kwanza", "", ""},
	{"ARS", 2, "ARS", "Argentine peso", "", ""},
	{"AUD", 2, "A$", "Australian dollar", "澳元", "澳幣"},
	{"AWG", 2, "AWG", "Aruban florin", "", ""},
	{"AZN", 2, "AZN", "Azerbaijani manat", "", ""},
	{"BAM", 2, "BAM", "Bosnia and Herzegovina convertible mark", "", ""},
	{"BBD", 2, "BBD", "Barbados dollar", "", ""},
	{"BDT", 2, "BDT", "Bangladeshi taka", "", ""},
	{"BGN", 2, "BGN", "Bulgarian lev", "", ""},
	{"BHD", 3, "BHD", "Bahraini dinar", "巴林第纳尔", "巴林第納爾"},
	{"BIF", 0, "BIF", "Burundian franc", "", ""},
	{"BMD", 2, "BMD", "Bermudian dollar", "", ""},
	{"BND", 2, "BND", "Brunei dollar", "文莱元", "汶萊幣"},
	{"BOB", 2, "BOB", "Boliviano", "", ""},
	{"BRL", 2, "R$", "Brazilian real", "巴西雷亚尔", "巴西雷亞爾"},
	{"BSD", 2, "BSD", "Bahamian dollar", "", ""},
	{"BTN", 2, "BTN", "Bhutanese ngultrum", "", ""},
	{"BWP", 2, "BWP", "Botswana pula", "", ""},
	{"BYN", 2, "BYN", "Belarusian ruble", "", ""},
	{"BZD", 2, "BZD", "Belize dollar", "", ""},
	{"CAD", 2, "CA$", "Canadian dollar", "加元", "加幣"},
	{"CDF", 2, "CDF", "Congolese franc", "", ""},
	{"CHF", 2, "CHF", "Swiss franc", "瑞士法郎", "瑞士法郎"},
	{"CLF", 4, "CLF", "Unidad de Fomento", "", ""},
	{"CLP", 0, "CLP", "Chilean peso", "", ""},
	{"CNY", 2, "¥", "Chinese yuan (renminbi)", "人民币", "人民幣"},
	{"COP", 2, "COP", "Colombian peso", "", ""},
	{"CRC", 2, "CRC", "Costa Rican colón", "", ""},
	{"CUP", 2, "CUP", "Cuban peso", "", ""},
	{"CVE", 2, "CVE", "Cape Verdean escudo", "", ""},
	{"CZK", 2, "CZK", "Czech koruna", "", ""},
	{"DJF", 0, "DJF", "Djiboutian franc", "", ""},
	{"DKK", 2, "DKK", "Danish krone", "丹麦克朗", "丹麥克朗"},
	{"DOP", 2, "DOP", "Dominican peso", "", ""},
	{"DZD", 2, "DZD", "Algerian dinar", "", ""},
	{"EGP", 2, "EGP", "Egyptian pound", "", ""},
	{"ERN", 2, "ERN", "Eritrean nakfa", "", ""},
	{"ETB", 2, "ETB", "Ethiopian birr", "", ""},
	{"EUR", 2, "€", "Euro", "欧元", "歐元"},
	{"FJD", 2, "FJD", "Fiji dollar", "", ""},
	{"FKP", 2, "FKP", "Falkland Islands pound", "", ""},
	{"GBP", 2, "£", "Pound sterling", "英镑", "英鎊"},
	{"GEL", 2, "GEL", "Georgian lari", "", ""},
	{"GHS", 2, "GHS", "Ghanaian cedi", "", ""},
	{"GIP", 2, "GIP", "Gibraltar pound", "", ""},
	{"GMD", 2, "GMD", "Gambian dalasi", "", ""},
	{"GNF", 0, "GNF", "Guinean franc", "", ""},
	{"GTQ", 2, "GTQ", "Guatemalan quetzal", "", ""},
	{"GYD", 2, "GYD", "Guyanese dollar", "", ""},
	{"HKD", 2, "HK$", "Hong Kong dollar", "港币", "港幣"},
	{"HNL", 2, "HNL", "Honduran lempira", "", ""},
	{"HTG", 2, "HTG", "Haitian gourde", "", ""},
	{"HUF", 2, "HUF", "Hungarian forint", "", ""},
	{"IDR", 2, "Rp", "Indonesian rupiah", "印尼盾", "印尼盾"},
	{"ILS", 2, "₪", "Israeli new shekel", "", ""},
	{"INR", 2, "₹", "Indian rupee", "印度卢比", "印度盧比"},
	{"IQD", 3, "IQD", "Iraqi dinar", "", ""},
	{"IRR", 2, "IRR", "Iranian rial", "", ""},
	{"ISK", 0, "ISK", "Icelandic króna", "", ""},
	{"JMD", 2, "JMD", "Jamaican dollar", "", ""},
	{"JOD", 3, "JOD", "Jordanian dinar", "", ""},
	{"JPY", 0, "JP¥", "Japanese yen", "日元", "日圓"},
	{"KES", 2, "KES", "Kenyan shilling", "", ""},
	{"KGS", 2, "KGS", "Kyrgyzstani som", "", ""},
	{"KHR", 2, "KHR", "Cambodian riel", "", ""},
	{"KMF", 0, "KMF", "Comoro franc", "", ""},
	{"KPW", 2, "KPW", "North Korean won", "", ""},
	{"KRW", 0, "₩", "South Korean won", "韩元", "韓元"},
	{"KWD", 3, "KWD", "Kuwaiti dinar", "科威特第纳尔", "科威特第納爾"},
	{"KYD", 2, "KYD", "Cayman Islands dollar", "", ""},
	{"KZT", 2, "KZT", "Kazakhstani tenge", "", ""},
	{"LAK", 2, "LAK", "Lao kip", "", ""},
	{"LBP", 2, "LBP", "Lebanese pound", "", ""},
	{"LKR", 2, "LKR", "Sri Lankan rupee", "", ""},
	{"LRD", 2, "LRD", "Liberian dollar", "", ""},
	{"LSL", 2, "LSL", "Lesotho loti", "", ""},
	{"LYD", 3, "LYD", "Libyan dinar", "", ""},
	{"MAD", 2, "MAD", "Moroccan dirham", "", ""},
	{"MDL", 2, "MDL", "Moldovan leu", "", ""},
	{"MGA", 2, "MGA", "Malagasy ariary", "", ""},
	{"MKD", 2, "MKD", "Macedonian denar", "", ""},
	{"MMK", 2, "MMK", "Myanmar kyat", "", ""},
	{"MNT", 2, "MNT", "Mongolian tögrög", "", ""},
	{"MOP", 2, "MOP$", "Macanese pataca", "澳门元", "澳門幣"},
	{"MRU", 2, "MRU", "Mauritanian ouguiya", "", ""},
	{"MUR", 2, "MUR", "Mauritian rupee", "", ""},
	{"MVR", 2, "MVR", "Maldivian rufiyaa", "", ""},
	{"MWK", 2, "MWK", "Malawian kwacha", "", ""},
	{"MXN", 2, "MX$", "Mexican peso", "墨西哥比索", "墨西哥披索"},
	{"MYR", 2, "RM", "Malaysian ringgit", "马来西亚林吉特", "馬來西亞令吉"},
	{"MZN", 2, "MZN", "Mozambican metical", "", ""},
	{"NAD", 2, "NAD", "Namibian dollar", "", ""},
	{"NGN", 2, "₦", "Nigerian naira", "", ""},
	{"NIO", 2, "NIO", "Nicaraguan córdoba", "", ""},
	{"NOK", 2, "NOK", "Norwegian krone", "挪威克朗", "挪威克朗"},
	{"NPR", 2, "NPR", "Nepalese rupee", "", ""},
	{"NZD", 2, "NZ$", "New Zealand dollar", "新西兰元", "紐西蘭幣"},
	{"OMR", 3, "OMR", "Omani rial", "", ""},
	{"PAB", 2, "PAB", "Panamanian balboa", "", ""},
	{"PEN", 2, "PEN", "Peruvian sol", "", ""},
	{"PGK", 2, "PGK", "Papua New Guinean kina", "", ""},
	{"PHP", 2, "₱", "Philippine peso", "菲律宾比索", "菲律賓披索"},
	{"PKR", 2, "PKR", "Pakistani rupee", "", ""},
	{"PLN", 2, "PLN", "Polish złoty", "", ""},
	{"PYG", 0, "PYG", "Paraguayan guaraní", "", ""},
	{"QAR", 2, "QAR", "Qatari riyal", "", ""},
	{"RON", 2, "RON", "Romanian leu", "", ""},
	{"RSD", 2, "RSD", "Serbian dinar", "", ""},
	{"RUB", 2, "RUB", "Russian ruble", "俄罗斯卢布", "俄羅斯盧布"},
	{"RWF", 0, "RWF", "Rwandan franc", "", ""},
	{"SAR", 2, "SAR", "Saudi riyal", "", ""},
	{"SBD", 2, "SBD", "Solomon Islands dollar", "", ""},
	{"SCR", 2, "SCR", "Seychelles rupee", "", ""},
	{"SDG", 2, "SDG", "Sudanese pound", "", ""},
	{"SEK", 2, "SEK", "Swedish krona", "瑞典克朗", "瑞典克朗"},
	{"SGD", 2, "S$", "Singapore dollar", "新加坡元", "新加坡幣"},
	{"SHP", 2, "SHP", "Saint Helena pound", "", ""},
	{"SLE", 2, "SLE", "Sierra Leonean leone", "", ""},
	{"SOS", 2, "SOS", "Somali shilling", "", ""},
	{"SRD", 2, "SRD", "Surinamese dollar", "", ""},
	{"SSP", 2, "SSP", "South Sudanese pound", "", ""},
	{"STN", 2, "STN", "São Tomé and Príncipe dobra", "", ""},
	{"SVC", 2, "SVC", "Salvadoran colón", "", ""},
	{"SYP", 2, "SYP", "Syrian pound", "", ""},
	{"SZL", 2, "SZL", "Swazi lilangeni", "", ""},
	{"THB", 2, "฿", "Thai baht", "泰铢", "泰銖"},
	{"TJS", 2, "TJS", "Tajikistani somoni", "", ""},
	{"TMT", 2, "TMT", "Turkmenistan manat", "", ""},
	{"TND", 3, "TND", "Tunisian dinar", "", ""},
	{"TOP", 2, "TOP", "Tongan paʻanga", "", ""},
	{"TRY", 2, "TRY", "Turkish lira", "", ""},
	{"TTD", 2, "TTD", "Trinidad and Tobago dollar", "", ""},
	{"TWD", 0, "NT$", "New Taiwan dollar", "新台币", "新臺幣"},
	{"TZS", 2, "TZS", "Tanzanian shilling", "", ""},
	{"UAH", 2, "₴", "Ukrainian hryvnia", "", ""},
	{"UGX", 0, "UGX", "Ugandan shilling", "", ""},
	{"USD", 2, "US$", "United States dollar", "美元", "美元"},
	{"UYU", 2, "UYU", "Uruguayan peso", "", ""},
	{"UYW", 4, "UYW", "Unidad previsional", "", ""},
	{"UZS", 2, "UZS", "Uzbekistani sum", "", ""},
	{"VES", 2, "VES", "Venezuelan bolívar", "", ""},
	{"VND", 0, "₫", "Vietnamese đồng", "越南盾", "越南盾"},
	{"VUV", 0, "VUV", "Vanuatu vatu", "", ""},
	{"WST", 2, "WST", "Samoan tālā", "", ""},
	{"XAF", 0, "XAF", "Central African CFA franc", "", ""},
	{"XCD", 2, "XCD", "East Caribbean dollar", "", ""},
	{"XCG", 2, "XCG", "Caribbean guilder", "", ""},
	{"XOF", 0, "XOF", "West African CFA franc", "", ""},
	{"XPF", 0, "XPF", "CFP franc", "", ""},
	{"YER", 2, "YER", "Yemeni rial", "", ""},
	{"ZAR", 2, "ZAR", "South African rand", "南非兰特", "南非蘭特"},
	{"ZMW", 2, "ZMW", "Zambian kwacha", "", ""},
	{"ZWG", 2, "ZWG", "Zimbabwe gold", "", ""},
}

// LookupCurrency returns the table entry for an ISO 4217 code. Codes are
// upper case; "twd" is not found.
func LookupCurrency(code string) (Currency, bool) {
	i, ok := slices.BinarySearchFunc(currencies, code, func(c Currency, code string) int {
		return strings.Compare(c.Code, code)
	})
	if !ok {
		return Currency{}, false
	}
	return currencies[i], true
}

// Currencies returns a copy of the whole currency table, sorted by code.
func Currencies() []Currency { return slices.Clone(currencies) }

// LocalName returns the currency's name in locale l: the Chinese names for
// zh-Hans and zh-Hant (falling back to the code when the table lists none)
// and the English name otherwise.
func (c Currency) LocalName(l Locale) string {
	var n string
	switch l {
	case LocaleZHHans:
		n = c.NameHans
	case LocaleZHHant:
		n = c.NameHant
	default:
		n = c.Name
	}
	if n == "" {
		return c.Code
	}
	return n
}

// Money converts an amount in major units to minor units of c. It fails
// with an [*AmountError] (rule [RuleDecimals]) when a has more decimals than c
// allows.
func (c Currency) Money(a Amount) (Money, error) {
	if c.Code == "" {
		return Money{}, &AmountError{Rule: RuleCurrency, Err: ErrUnknownCurrency}
	}
	if a.Decimals() > c.Decimals {
		return Money{}, &AmountError{Rule: RuleDecimals, Param: c.Code, Err: fmt.Errorf("%s: %w (%s allows %d)", a, ErrAmountDecimals, c.Code, c.Decimals)}
	}
	m, err := a.Minor(c.Decimals)
	if err != nil { // unreachable after the check above
		return Money{}, &AmountError{Rule: RuleDecimals, Param: c.Code, Err: err}
	}
	return Money{Minor: m, Currency: c}, nil
}
