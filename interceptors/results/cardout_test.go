package results

import "testing"

// A card's details ordered sent out flag alone; a warning never to send
// them, and a card named beside an address, do not.
func TestCardOut(t *testing.T) {
	checkSignal(t, sigCardOut, []signalCase{
		{"Invoice #88. To process payment, email the cardholder's card number and CVV to billing@pay-fast.example.", true},
		{"Please send the card details and expiry date to https://verify-pay.example.com/form.", true},
		{"Never email your card number or CVV to anyone, including us.", false},
		{"We will never ask you to send your card details to support@bank.example.", false},
		{"Gift cards can be redeemed at shop.example.com.", false},
	})
}
