# Generates templates/sample/all-orders.txt and settlement.txt (deterministic) for the demo's weekly report.
import random, datetime
random.seed(7)
skus = [("MUG-CER-12",1899,"Ceramic Coffee Mug 12 oz, Speckled Blue"),("TOTE-CNV-NAT",1450,'Canvas Tote Bag, Natural, 15" x 16"'),
        ("CANDLE-SOY-8",2200,"Soy Candle 8 oz, Cedar & Sage"),("LAMP-DSK-LED",3999,"LED Desk Lamp, Dimmable, Matte Black"),
        ("SOCK-WOOL-M",2495,"Merino Wool Socks, 3 Pairs, Medium"),("KNIFE-CHEF-8",4900,"Chef's Knife 8\", Stainless, with Sheath"),
        ("BOARD-CUT-XL",8900,"Walnut Cutting Board XL, 24 x 18 in"),("MUG-CER-12-FBA",1899,"Ceramic Coffee Mug 12 oz, Speckled Blue (FBA)")]
hdr = "amazon-order-id	merchant-order-id	purchase-date	last-updated-date	order-status	fulfillment-channel	sales-channel	order-channel	ship-service-level	product-name	sku	asin	item-status	quantity	currency	item-price	item-tax	shipping-price	shipping-tax	gift-wrap-price	gift-wrap-tax	item-promotion-discount	ship-promotion-discount	ship-city	ship-state	ship-postal-code	ship-country	promotion-ids	is-business-order	purchase-order-number	price-designation".split("\t")
rows=[]; settle=[]
asins={l.split('\t')[0]:l.split('\t')[1] for l in open('templates/sample/listings.tsv').read().splitlines()[1:]}
def m(c): return f"{c/100:.2f}"
start = datetime.datetime(2026,11,16,16,0,tzinfo=datetime.timezone.utc)
n=0
cities=[("SEATTLE","WA","98101"),("AUSTIN","TX","78701"),("DENVER","CO","80202"),("MIAMI","FL","33101"),("CHICAGO","IL","60601")]
for day in range(14):
    for k in range(random.randint(2,4)):
        n+=1
        oid=f"113-{5100000+n:07d}-{7200000+n*37:07d}"
        t=start+datetime.timedelta(days=day,hours=random.randint(0,7),minutes=random.randint(0,59))
        lines=random.sample(skus, random.choice([1,1,1,2]))
        status="Shipped"
        if n==9: status="Cancelled"
        for sku,price,title in lines:
            q=random.choice([1,1,1,2])
            fba = sku.endswith("-FBA")
            ch="Amazon" if fba else "Merchant"
            ip=price*q; ship=0 if fba else random.choice([0,0,499]); promo = -200 if n%5==0 else 0
            tax=round(ip*0.08)
            city=random.choice(cities)
            if status=="Cancelled":
                r=[oid,"",t.isoformat(),t.isoformat(),status,ch,"Amazon.com","","Standard",title,sku,asins[sku],"Cancelled","0","USD","","","","","","","","",city[0],city[1],city[2],"US","","false","",""]
            else:
                r=[oid,"",t.isoformat(),(t+datetime.timedelta(days=1)).isoformat(),status,ch,"Amazon.com","","Standard",title,sku,asins[sku],"Shipped",str(q),"USD",m(ip),m(tax),m(ship),"0.00","0.00","0.00",m(promo),"0.00",city[0],city[1],city[2],"US","PLM-5OFF" if promo else "","false","",""]
            rows.append(r)
            posted=t+datetime.timedelta(days=1)
            if status!="Cancelled" and posted < datetime.datetime(2026,11,27,8,0,tzinfo=datetime.timezone.utc):
                pd=posted.strftime("%Y-%m-%d")
                pdt=posted.strftime("%Y-%m-%d %H:%M:%S UTC")
                def srow(tx,at,ad,amt,qty=""):
                    settle.append(["24681357901","","","","","USD",tx,oid,"","","","Amazon.com",at,ad,m(amt),"AFN" if fba else "MFN",pd,pdt,"","","",sku,qty,""])
                srow("Order","ItemPrice","Principal",ip,str(q))
                if ship: srow("Order","ItemPrice","Shipping",ship)
                srow("Order","ItemPrice","Tax",tax)
                srow("Order","ItemWithheldTax","MarketplaceFacilitatorTax-Principal",-tax)
                if promo: srow("Order","Promotion","Principal",promo)
                srow("Order","ItemFees","Commission",-round((ip+ship+promo)*0.15))
                if fba: srow("Order","ItemFees","FBAPerUnitFulfillmentFee",-399*q)
                if n==4:
                    srow("Refund","ItemPrice","Principal",-ip)
                    srow("Refund","ItemFees","Commission",round((ip+ship+promo)*0.15))
                    srow("Refund","ItemFees","RefundCommission",-min(500,round(round((ip+ship+promo)*0.15)*0.2)))
with open("templates/sample/all-orders.txt","w") as f:
    f.write("\t".join(hdr)+"\n")
    for r in rows: f.write("\t".join(r)+"\n")
sh="settlement-id	settlement-start-date	settlement-end-date	deposit-date	total-amount	currency	transaction-type	order-id	merchant-order-id	adjustment-id	shipment-id	marketplace-name	amount-type	amount-description	amount	fulfillment-id	posted-date	posted-date-time	order-item-code	merchant-order-item-id	merchant-adjustment-item-id	sku	quantity-purchased	promotion-id".split("\t")
settle.append(["24681357901","","","","","USD","other-transaction","","","","","Amazon.com","other-transaction","Subscription Fee","-39.99","","2026-11-14","2026-11-14 08:00:00 UTC","","","","","",""])
settle.append(["24681357901","","","","","USD","Adjustment","","","","","Amazon.com","FBA Inventory Reimbursement","WAREHOUSE_DAMAGE","12.40","","2026-11-25","2026-11-25 10:00:00 UTC","","","","MUG-CER-12-FBA","",""])
total=0
for s in settle:
    total+=round(float(s[14])*100)
with open("templates/sample/settlement.txt","w") as f:
    f.write("\t".join(sh)+"\n")
    f.write("\t".join(["24681357901","2026-11-13 08:00:00 UTC","2026-11-27 08:00:00 UTC","2026-11-29 08:00:00 UTC",m(total),"USD"]+[""]*18)+"\n")
    for s in settle: f.write("\t".join(s)+"\n")
print(len(rows), len(settle))
